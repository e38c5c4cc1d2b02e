package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.common.database.EmbeddedDatabase;
import dev.mcpstack.common.testapp.TestAppTest;
import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Stops the real embedded PostgreSQL under the running service and starts it again (same port, same data). Kept
 * in its own class: the database is JVM-wide, and {@link #restoreDatabase()} brings it back whatever happens.
 */
@TestAppTest
class DatabaseOutageTest {

    @Autowired
    WebTestClient web;

    @AfterAll
    static void restoreDatabase() {
        EmbeddedDatabase.shared().start();
    }

    @Test
    void outageIsDetectedFailsFastAndHealsWithoutRestartOrDataLoss(CapturedOutput output) {
        RestartablePostgres database = EmbeddedDatabase.shared();
        post("written before the outage").expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(status("/health")).isEqualTo(200));

        int lostBefore = JsonLines.events(output, "database_connection_lost").size();
        int attemptsBefore =
                JsonLines.events(output, "database_reconnect_attempt").size();
        int reconnectedBefore = JsonLines.events(output, "database_reconnected").size();
        long stoppedAt = System.nanoTime();
        try {
            database.stop();
            await().atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(status("/health")).isEqualTo(503));
            System.out.printf("outage detected by /health after %d ms%n", (System.nanoTime() - stoppedAt) / 1_000_000);

            web.get()
                    .uri("/health")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("unhealthy")
                    .jsonPath("$.database_status")
                    .isEqualTo("disconnected")
                    .jsonPath("$.details.database")
                    .exists();
            assertThat(status("/actuator/health/readiness")).isEqualTo(503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);

            for (int i = 0; i < 3; i++) {
                post("written during the outage")
                        .expectStatus()
                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                        .expectHeader()
                        .valueEquals(HttpHeaders.RETRY_AFTER, "2")
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("https://mcp-stack.dev/problems/database-unavailable");
            }
            web.get().uri("/mcp/notes").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

            List<JsonNode> lost = after(JsonLines.events(output, "database_connection_lost"), lostBefore);
            assertThat(lost).hasSize(1);
            assertThat(lost.get(0).path("level").asString()).isEqualTo("ERROR");
            assertThat(lost.get(0)
                            .path("context")
                            .path("detection_time_seconds")
                            .asDouble())
                    .isGreaterThan(0)
                    .isLessThan(5);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                List<JsonNode> attempts = after(JsonLines.events(output, "database_reconnect_attempt"), attemptsBefore);
                assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
                assertThat(attempts.get(0).path("context").path("attempt").asInt())
                        .isEqualTo(1);
                assertThat(attempts.get(0).path("context").has("backoff_ms")).isTrue();
            });
        } finally {
            database.start();
        }
        long restartedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(status("/health")).isEqualTo(200));
        System.out.printf(
                "recovery seen by /health %d ms after the database was back%n",
                (System.nanoTime() - restartedAt) / 1_000_000);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);

        post("written after the outage").expectStatus().isCreated();
        web.get()
                .uri("/mcp/notes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@ == 'written before the outage')]")
                .exists()
                .jsonPath("$[?(@ == 'written after the outage')]")
                .exists()
                .jsonPath("$[?(@ == 'written during the outage')]")
                .doesNotExist();

        List<JsonNode> reconnected = after(JsonLines.events(output, "database_reconnected"), reconnectedBefore);
        assertThat(reconnected).hasSize(1);
        assertThat(reconnected.get(0).path("context").path("downtime_seconds").asDouble())
                .isPositive();
    }

    private static List<JsonNode> after(List<JsonNode> events, int alreadySeen) {
        return events.subList(alreadySeen, events.size());
    }

    private WebTestClient.ResponseSpec post(String text) {
        return web.post()
                .uri("/mcp/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text))
                .exchange();
    }

    private int status(String path) {
        return web.get()
                .uri(path)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }
}
