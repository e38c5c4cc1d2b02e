package dev.mcpstack.codebase.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An upload during a database outage is the server's trouble, not the client's: 503 with Retry-After, never
 * {@code 400 archive-unreadable}, although the driver's error carries an IOException (the refused connection). The
 * probe is slowed to an hour so that the request reaches the pool during the outage, as requests do in the moments
 * before the probe notices it. The outage is of a PostgreSQL of this class's own: the JVM-wide one serves the other
 * test classes' cached contexts, which would answer 503 until their probes reconnected.
 */
@CodebaseMcpTest(properties = {CodebaseMcpApplication.CONFIG_NAME, "mcp.database.probe.interval=1h"})
class IndexDuringOutageTest {

    @LocalServerPort
    int port;

    private static final RestartablePostgres DATABASE = new RestartablePostgres(dataDirectory());

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.start();
        registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
        registry.add("spring.r2dbc.username", () -> RestartablePostgres.USER);
        registry.add("spring.r2dbc.password", () -> "");
        registry.add("spring.flyway.url", DATABASE::jdbcUrl);
        registry.add("spring.flyway.user", () -> RestartablePostgres.USER);
        registry.add("spring.flyway.password", () -> "");
    }

    @AfterAll
    static void stopOwnDatabase() {
        DATABASE.stop();
    }

    @Test
    void anUploadWhileTheDatabaseRefusesConnectionsIs503NotAnUnreadableArchive() {
        byte[] archive = TarArchiveBuilder.create()
                .file("src/Refused.java", "class Refused { int acknowledged() { return 1; } }\n")
                .toTarGz();
        DATABASE.stop();
        try {
            // the pool's new connections are refused: a ConnectException, itself an IOException, is the cause
            ResponseEntity<String> answer = WebClient.create("http://127.0.0.1:" + port)
                    .post()
                    .uri("/mcp/index?repository=refused-by-outage")
                    .contentType(MediaType.parseMediaType("application/gzip"))
                    .bodyValue(archive)
                    .exchangeToMono(response -> response.toEntity(String.class))
                    .block(Duration.ofSeconds(15));

            assertUnavailable(answer);
        } finally {
            DATABASE.start();
        }
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory("index-outage-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertUnavailable(@Nullable ResponseEntity<String> answer) {
        assertThat(answer).isNotNull();
        assertThat(answer.getBody()).doesNotContain("archive-unreadable");
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
    }
}
