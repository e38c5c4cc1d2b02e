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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data-sharing launch: made once from the real service jar and reused, or the plain jar when it fails. */
class ClassDataSharingTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path work;

    @Test
    void aServiceJarGetsAnArchiveOnceAndReusesIt() throws IOException {
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
        assertThat(work.resolve("cds")).isEmptyDirectory();
    }
}
