package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.common.database.PoolAccess;
import dev.mcpstack.common.logging.EventThrottle;
import dev.mcpstack.common.testapp.TestAppTest;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

@TestAppTest
class PoolExhaustionTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void exhaustedPoolAnswers503WithRetryAfterAndRecoversOnceConnectionsReturn(CapturedOutput output) {
        whileHolding(0, () -> {
            web.post()
                    .uri("/mcp/notes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "no room"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://mcp-stack.dev/problems/pool-exhausted")
                    .jsonPath("$.retry_after_seconds")
                    .isEqualTo(1);

            web.get()
                    .uri("/health")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .valueEquals("Retry-After", "1")
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("unhealthy")
                    .jsonPath("$.database_status")
                    .isEqualTo("connected")
                    .jsonPath("$.connection_pool.utilization_percent")
                    .isEqualTo(100.0)
                    .jsonPath("$.details.connection_pool")
                    .exists();
            assertThat(JsonLines.events(output, "connection_pool_exhausted")).isNotEmpty();
        });

        web.post()
                .uri("/mcp/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "room again"))
                .exchange()
                .expectStatus()
                .isCreated();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> web.get()
                        .uri("/health")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("healthy"));
    }

    @Autowired
    EventThrottle throttle;

    /** Each test sees its own first occurrence of the pool events (they are rate-limited per context). */
    @BeforeEach
    void freshEventWindowsAndAHealthyStart() {
        throttle.reset("connection_pool_exhausted");
        throttle.reset("connection_pool_high_utilization");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> web.get()
                        .uri("/health")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("healthy"));
    }

    @Test
    void highPoolUtilizationMakesTheServiceDegradedButStillUp(CapturedOutput output) {
        whileHolding(1, () -> {
            web.get()
                    .uri("/health")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("degraded")
                    .jsonPath("$.database_status")
                    .isEqualTo("connected")
                    .jsonPath("$.connection_pool.utilization_percent")
                    .isEqualTo(75.0)
                    .jsonPath("$.details.connection_pool")
                    .exists();
            web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(JsonLines.events(output, "connection_pool_high_utilization"))
                            .isNotEmpty());
        });
    }

    @Test
    void aHotLoopOfExhaustionLogsTheEventOnlyOncePerInterval(CapturedOutput output) {
        whileHolding(0, () -> {
            for (int i = 0; i < 5; i++) {
                web.get().uri("/mcp/notes").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            }
        });
        assertThat(JsonLines.events(output, "connection_pool_exhausted")).hasSizeLessThanOrEqualTo(1);
    }

    /** Holds all but {@code spare} of the pool's connections while {@code check} runs, then gives them back. */
    private void whileHolding(int spare, Runnable check) {
        ConnectionPool pool = PoolAccess.pool(connectionFactory);
        assertThat(pool).isNotNull();
        int max = pool.getMetrics().orElseThrow().getMaxAllocatedSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < max - spare; i++) {
                held.add(acquire(pool));
            }
            check.run();
        } finally {
            held.forEach(connection -> Mono.from(connection.close()).block(Duration.ofSeconds(5)));
        }
    }

    /** Holds a pooled connection; retried because a new connection may take longer than max-acquire-time. */
    private static Connection acquire(ConnectionPool pool) {
        return Mono.from(pool.create()).retry(20).block(Duration.ofSeconds(30));
    }
}
