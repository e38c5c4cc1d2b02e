package dev.mcpstack.deployment.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** A test needing an external tool skips with one line where it is missing, and fails on CI (CI=true). */
public final class MissingTool {

    private MissingTool() {}

    /** The executable on PATH, or empty. */
    public static Optional<Path> which(String binary) {
        return Stream.of(System.getenv()
                        .getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
                        .split(":"))
                .map(directory -> Path.of(directory, binary))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Skips the calling test (fails it when CI=true) with "TEST: REASON". */
    public static void skip(String test, String reason) {
        String line = test + ": " + reason;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(line);
        }
        System.err.println(line);
        Assumptions.abort(line);
    }
}
