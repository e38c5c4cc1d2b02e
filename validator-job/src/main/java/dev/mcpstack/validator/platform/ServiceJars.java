package dev.mcpstack.validator.platform;

import dev.mcpstack.validator.model.ServerId;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds {@code apps/<service>/target/<service>-exec.jar} of the same checkout: relative to the working directory
 * and its parents, to the {@code validator.checkout-root} system property, and to this jar's own location
 * ({@code validator-job/target/validator-job.jar} sits two levels below the root).
 */
public final class ServiceJars {

    private ServiceJars() {}

    public static Path locate(ServerId server, @Nullable Path override) {
        if (override != null) {
            if (!Files.isRegularFile(override)) {
                throw new IllegalArgumentException("no such jar for " + server + ": " + override);
            }
            return override.toAbsolutePath();
        }
        String relative = "apps/" + server.wireName() + "/target/" + server.wireName() + "-exec.jar";
        List<Path> tried = new ArrayList<>();
        for (Path root : candidateRoots()) {
            Path jar = root.resolve(relative).normalize();
            tried.add(jar);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalArgumentException("could not find the " + server + " jar; build it with "
                + "`./mvnw -B -q install -DskipTests` or pass --"
                + server.wireName().replace("-mcp", "")
                + "-jar. Looked at: " + tried);
    }

    public static boolean available(ServerId server) {
        try {
            locate(server, null);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<Path> candidateRoots() {
        Set<Path> roots = new LinkedHashSet<>();
        String property = System.getProperty("validator.checkout-root");
        if (property != null) {
            roots.add(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            roots.add(dir);
        }
        try {
            var source = ServiceJars.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                String location = source.getLocation().toString();
                // inside a Boot fat jar the location is jar:nested:/path/validator-job.jar/!BOOT-INF/classes/!/
                String file = location.replaceFirst("^jar:nested:", "file:").replaceFirst("/!BOOT-INF.*$", "");
                Path self = Path.of(new java.net.URI(file)).toAbsolutePath();
                for (Path dir = self.getParent(); dir != null; dir = dir.getParent()) {
                    roots.add(dir);
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // unusual class loader: the working directory candidates still apply
        }
        return List.copyOf(roots);
    }
}
