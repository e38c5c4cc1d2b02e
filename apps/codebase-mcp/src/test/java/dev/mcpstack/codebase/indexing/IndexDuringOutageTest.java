package dev.mcpstack.codebase.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.common.database.EmbeddedDatabase;
import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An upload during a database outage is the server's trouble, not the client's: 503 with Retry-After, never
 * {@code 400 archive-unreadable}, although the driver's error carries an IOException (the refused connection). The
 * probe is slowed to an hour so that the request reaches the pool during the outage, as requests do in the moments
 * before the probe notices it. The embedded PostgreSQL is JVM-wide, so this stays in its own class and
 * {@link #restoreDatabase()} brings it back whatever happens.
 */
@CodebaseMcpTest(properties = {CodebaseMcpApplication.CONFIG_NAME, "mcp.database.probe.interval=1h"})
class IndexDuringOutageTest {

    @LocalServerPort
    int port;

    @AfterAll
    static void restoreDatabase() {
        EmbeddedDatabase.shared().start();
    }

    @Test
    void anUploadWhileTheDatabaseRefusesConnectionsIs503NotAnUnreadableArchive() {
        byte[] archive = TarArchiveBuilder.create()
                .file("src/Refused.java", "class Refused { int acknowledged() { return 1; } }\n")
                .toTarGz();
        RestartablePostgres database = EmbeddedDatabase.shared();
        database.stop();
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
            database.start();
        }
    }

    private static void assertUnavailable(@Nullable ResponseEntity<String> answer) {
        assertThat(answer).isNotNull();
        assertThat(answer.getBody()).doesNotContain("archive-unreadable");
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
    }
}
