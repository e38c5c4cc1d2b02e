package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.common.database.PoolAccess;
import dev.mcpstack.common.testapp.TestAppTest;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Bounded queueing: with every connection in use and the wait queue full, an API request is answered 503 at once
 * rather than queued. The acquire limit is raised to a minute here, so a request that queued would outlast the
 * client's timeout: only the refusal at the door can answer in time.
 */
@TestAppTest
@TestPropertySource(properties = {"mcp.database.pool.max-pending=0", "spring.r2dbc.pool.max-acquire-time=60s"})
class PoolQueueTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void aRequestFindingTheWaitQueueFullIsAnswered503AtOnce() {
        ConnectionPool pool = PoolAccess.pool(connectionFactory);
        assertThat(pool).isNotNull();
        int max = pool.getMetrics().orElseThrow().getMaxAllocatedSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < max; i++) {
                held.add(Mono.from(pool.create()).block(Duration.ofSeconds(30)));
            }

            web.mutate()
                    .responseTimeout(Duration.ofSeconds(10))
                    .build()
                    .get()
                    .uri("/mcp/notes")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://mcp-stack.dev/problems/pool-exhausted");
            assertThat(pool.getMetrics().orElseThrow().pendingAcquireSize())
                    .as("refused at the door, not queued")
                    .isZero();
        } finally {
            held.forEach(connection -> Mono.from(connection.close()).block(Duration.ofSeconds(5)));
        }

        web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
    }
}
