package dev.mcpstack.validator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Prometheus tools (Debian's prometheus, prometheus-pushgateway, prometheus-alertmanager; installed in CI by
 * .ci/install.d) and the checkout they check. A missing tool skips the test with one line, or fails it when
 * {@code CI=true}.
 */
final class Tools {

    static final Path ROOT = Path.of(System.getProperty("validator.checkout-root", ".."))
            .toAbsolutePath()
            .normalize();

    private Tools() {}

    static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        assertThat(System.getenv("CI"))
                .as(name + " is required when CI=true (.ci/install.d installs it)")
                .isNotEqualTo("true");
        Assumptions.abort(name + " is not installed: skipping");
        throw new IllegalStateException("unreachable");
    }

    /** Runs a tool to completion (at most a minute) and returns its exit code and merged output. */
    static Result run(List<String> command, String stdin) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within a minute");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String output) {}
}
