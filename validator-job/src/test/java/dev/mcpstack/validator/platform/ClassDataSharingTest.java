package dev.mcpstack.validator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import dev.mcpstack.validator.model.ServerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
        // the runs exit on refresh, which halts the JVM without shutdown hooks: an embedded PostgreSQL the service
        // started for itself would outlive it, so they are given one, as LocalPlatform gives its own
        RestartablePostgres database = new RestartablePostgres(Files.createDirectory(work.resolve("pg")));
        database.start();
        try {
            Map<String, String> environment = new HashMap<>(LocalPlatform.databaseEnvironment(database));
            environment.put("SERVER_PORT", "0");
            madeOnceAndReused(sharing, jar, environment, progress);
            assertThat(schemas(database))
                    .as("the training run used the database it was given")
                    .contains("codebase");
        } finally {
            database.stop();
        }
    }

    private void madeOnceAndReused(
            ClassDataSharing sharing, Path jar, Map<String, String> environment, List<String> progress)
            throws IOException, InterruptedException {
        List<String> first = sharing.launchArguments(jar, environment, progress::add);
        List<String> second = sharing.launchArguments(jar, environment, progress::add);

        assertThat(first).first().asString().startsWith("-XX:SharedArchiveFile=");
        Path archive = Path.of(first.get(0).substring("-XX:SharedArchiveFile=".length()));
        assertThat(archive).isRegularFile().isNotEmptyFile();
        assertThat(first.get(first.size() - 1)).isNotEqualTo(jar.toString()).endsWith("codebase-mcp-exec.jar");
        assertThat(Path.of(first.get(first.size() - 1))).isRegularFile();
        assertThat(second).isEqualTo(first);
        assertThat(progress).filteredOn(line -> line.startsWith("preparing")).hasSize(1);
        // -Xshare:on makes the JVM refuse to start when the archive does not match its class path
        assertThat(startsWithTheArchiveRequired(first, environment)).isZero();
    }

    private static List<String> schemas(RestartablePostgres database) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + RestartablePostgres.DATABASE,
                        RestartablePostgres.USER,
                        "");
                ResultSet rows = connection.createStatement().executeQuery("SELECT nspname FROM pg_namespace")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the schemas", e);
        }
    }

    private int startsWithTheArchiveRequired(List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(JAVA.toString(), "-Xshare:on", "-Dspring.context.exit=onRefresh"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("verify.log").toFile());
        builder.environment().putAll(environment);
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
