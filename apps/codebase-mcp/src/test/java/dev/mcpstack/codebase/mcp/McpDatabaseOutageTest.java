package dev.mcpstack.codebase.mcp;

import static dev.mcpstack.testsupport.mcp.McpClients.call;
import static dev.mcpstack.testsupport.mcp.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.common.database.EmbeddedDatabase;
import dev.mcpstack.testsupport.mcp.McpClients;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A database outage seen through MCP: tool calls answer at once with a tool error saying the database is
 * unavailable (not a hang, not a protocol error), and work again once it is back. The embedded PostgreSQL is
 * JVM-wide, so this stays in its own class and {@link #restoreDatabase()} brings it back whatever happens.
 */
@CodebaseMcpTest
class McpDatabaseOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @AfterAll
    static void restoreDatabase() {
        EmbeddedDatabase.shared().start();
    }

    @Test
    void toolCallsDuringAnOutageAreFastToolErrors() {
        McpAsyncClient client = McpClients.connect("http://127.0.0.1:" + port);
        try {
            assertThat(call(client, "list_repositories", Map.of()).isError()).isFalse();
            EmbeddedDatabase.shared().stop();
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(health()).isEqualTo(503));

            long start = System.nanoTime();
            CallToolResult result = call(client, "search_code", Map.of("query", "ledger"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.isError()).isTrue();
            assertThat(text(result)).contains("The database is unreachable");
            assertThat(millis).as("answered without waiting for the database").isLessThan(2_000);

            EmbeddedDatabase.shared().start();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(health()).isEqualTo(200));
            assertThat(call(client, "list_repositories", Map.of()).isError()).isFalse();
        } finally {
            EmbeddedDatabase.shared().start();
            client.closeGracefully().block(Duration.ofSeconds(10));
        }
    }

    private int health() {
        return web.get()
                .uri("/health")
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }
}
