package dev.mcpstack.validator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpstack.validator.model.ServerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data-sharing launch: made once from the real service jar and reused, or the plain jar when it fails. */
class ClassDataSharingTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path work;

    @Test
    void aServiceJarGetsAnArchiveOnceAndReusesIt() throws IOException, InterruptedException {
        assumeTrue(ServiceJars.available(ServerId.CODEBASE), "codebase-mcp jar missing: ./mvnw -q package first");
        Path jar = Files.copy(ServiceJars.locate(ServerId.CODEBASE, null), work.resolve("codebase-mcp-exec.jar"));
        ClassDataSharing sharing = new ClassDataSharing(JAVA, List.of("-Xms128m", "-Xmx384m"));
        List<String> progress = new ArrayList<>();

        // no database given: the service starts its own embedded PostgreSQL for the training run
        List<String> first = sharing.launchArguments(jar, Map.of("SERVER_PORT", "0"), progress::add);
        List<String> second = sharing.launchArguments(jar, Map.of("SERVER_PORT", "0"), progress::add);

        assertThat(first).first().asString().startsWith("-XX:SharedArchiveFile=");
        Path archive = Path.of(first.get(0).substring("-XX:SharedArchiveFile=".length()));
        assertThat(archive).isRegularFile().isNotEmptyFile();
        assertThat(first.get(first.size() - 1)).isNotEqualTo(jar.toString()).endsWith("codebase-mcp-exec.jar");
        assertThat(Path.of(first.get(first.size() - 1))).isRegularFile();
        assertThat(second).isEqualTo(first);
        assertThat(progress).filteredOn(line -> line.startsWith("preparing")).hasSize(1);
        // -Xshare:on makes the JVM refuse to start when the archive does not match its class path
        assertThat(startsWithTheArchiveRequired(first)).isZero();
    }

    private int startsWithTheArchiveRequired(List<String> arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(JAVA.toString(), "-Xshare:on", "-Dspring.context.exit=onRefresh"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("verify.log").toFile());
        builder.environment().put("SERVER_PORT", "0");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "the service did not start within 120 s, see " + work.resolve("verify.log"));
        }
        return process.exitValue();
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsItIs() throws IOException {
        Path jar = Files.write(work.resolve("not-a-boot-jar.jar"), new byte[] {1, 2, 3});
        List<String> progress = new ArrayList<>();

        List<String> arguments = new ClassDataSharing(JAVA, List.of()).launchArguments(jar, Map.of(), progress::add);

        assertThat(arguments).containsExactly("-jar", jar.toString());
        assertThat(progress)
                .last()
                .asString()
                .contains("no class-data-sharing archive")
                .contains("from the jar");
        try (Stream<Path> files = Files.walk(work.resolve("cds"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("app.jsa");
        }
    }
}
