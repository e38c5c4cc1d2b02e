package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.report.ValidationReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * After an in-cluster run: the report files into a ConfigMap (older ones pruned) and report.md into the Job's log.
 * A failure here is printed, never thrown: the files in {@code --out} and the exit code still carry the verdict.
 */
public final class KubernetesResults {

    private final KubernetesConnector connector;

    public KubernetesResults(KubernetesConnector connector) {
        this.connector = connector;
    }

    public void publish(ValidationReport report, KubernetesSettings settings, List<Path> files, Consumer<String> out) {
        Map<String, String> contents = new LinkedHashMap<>();
        try {
            for (Path file : files) {
                contents.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report files", e);
        }
        String markdown = contents.get("report.md");
        if (markdown != null) {
            out.accept("----- report.md -----");
            markdown.lines().forEach(out);
            out.accept("----- end of report.md -----");
        }
        try (KubernetesClient client = connector.connect()) {
            String namespace = Objects.requireNonNullElse(
                    settings.namespace(), Objects.requireNonNullElse(client.getNamespace(), "default"));
            ReportConfigMaps reports = new ReportConfigMaps(client, namespace, settings.release());
            String pod = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "unknown");
            String name = reports.publish(report, contents, pod);
            out.accept("report ConfigMap: " + namespace + "/" + name);
            List<String> pruned = reports.prune(settings.reportsToKeep());
            if (!pruned.isEmpty()) {
                out.accept("pruned " + pruned.size() + " old report ConfigMap(s), keeping " + settings.reportsToKeep()
                        + ": " + pruned);
            }
        } catch (RuntimeException e) {
            out.accept("could not store the report in a ConfigMap: " + e.getMessage());
        }
    }
}
