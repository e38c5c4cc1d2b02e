package dev.mcpstack.deployment.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/** The checkout's chart (helm/), rendered in process by helm-java. */
public final class Chart {

    public static final String RELEASE = "mcp-stack";
    public static final String NAMESPACE = "mcp";
    /** What {@link #render} calls the annotation Helm knows as helm.sh/hook. */
    public static final String REVEALED_HOOK = "mcp-stack.test/hook";

    private static final String HOOK = "helm.sh/hook:";

    private Chart() {}

    public static Path root() {
        return Path.of(System.getProperty("mcp.checkout-root", "../.."))
                .toAbsolutePath()
                .normalize();
    }

    public static Path directory() {
        return root().resolve("helm");
    }

    /**
     * {@code helm template} with hooks: helm-java prints only the release manifest, never the hooks (the generated
     * database Secret, the validation Job, the helm test Pod), so this renders a copy of the chart whose helm.sh/hook
     * annotations are renamed {@link #REVEALED_HOOK}, then parses every object strictly.
     */
    public static Rendered render(Map<String, ?> values) {
        return render(values, List.of());
    }

    /** As {@link #render(Map)}, with extra files (path relative to the chart, content) in the copy. */
    public static Rendered render(Map<String, ?> values, List<Map.Entry<String, String>> extraFiles) {
        Path copy = copyRevealingHooks(extraFiles);
        try {
            return Rendered.parse(template(copy, RELEASE, values));
        } finally {
            try {
                PathUtils.deleteDirectory(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Plain {@code helm template RELEASE helm/ --namespace mcp --set k=v ...}: the release manifest, no hooks. */
    public static String template(Path chart, String release, Map<String, ?> values) {
        return template(chart, release, NAMESPACE, values);
    }

    public static String template(Path chart, String release, String namespace, Map<String, ?> values) {
        TemplateCommand template = new Helm(chart).template().withName(release).withNamespace(namespace);
        values.forEach(template::set);
        return template.call();
    }

    private static Path copyRevealingHooks(List<Map.Entry<String, String>> extraFiles) {
        try {
            Path copy = Files.createTempDirectory("mcp-stack-chart");
            Path source = directory();
            // helm/files/dashboards is a link to ../../grafana: follow it, as helm does
            try (Stream<Path> files = Files.walk(source, FileVisitOption.FOLLOW_LINKS)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = copy.resolve(source.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, Files.readString(file).replace(HOOK, REVEALED_HOOK + ":"));
                }
            }
            for (Map.Entry<String, String> extra : extraFiles) {
                Path target = copy.resolve(extra.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, extra.getValue());
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
