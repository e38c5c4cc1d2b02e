package dev.mcpstack.codebase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.mcp.McpClients;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §8 "MCP tool call (search_code)": the same queries from 10 concurrent clients as {@code POST /mcp/search}
 * and as the MCP tool {@code search_code} (10 SDK client sessions over Streamable HTTP), in alternating rounds so
 * machine load drifts over both alike. Target: MCP p95 within 2 ms of REST p95. Not part of {@code verify}: run with
 * {@code ./mvnw -o -pl apps/codebase-mcp -am verify -Pbenchmark -Dtest=McpSearchBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures to stdout and target/mcp-benchmark.txt.
 */
@Tag("benchmark")
@CodebaseMcpTest(
        properties = {
            CodebaseMcpApplication.CONFIG_NAME,
            "spring.r2dbc.pool.initial-size=10",
            "spring.r2dbc.pool.min-idle=10",
            "spring.r2dbc.pool.max-acquire-time=5s"
        })
class McpSearchBenchmark {

    private static final int FILES = Integer.getInteger("benchmark.files", 2_000);
    private static final int CLIENTS = 10;
    private static final int ROUNDS = 4;
    private static final int SEARCHES_PER_ROUND = Integer.getInteger("benchmark.searches", 1_000);
    private static final double TARGET_MS = 2.0;

    @LocalServerPort
    int port;

    @Test
    void searchCodeOverMcpAgainstRest() throws Exception {
        SearchLoad load = new SearchLoad(port);
        load.line(
                "machine: %d cores, load average at start %s",
                Runtime.getRuntime().availableProcessors(), SearchLoad.loadAverage());
        SyntheticRepository repository = SyntheticRepository.of(42, FILES);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        repository.writeTarGz(archive);
        load.index("mcp-benchmark", archive.toByteArray(), "application/gzip");
        List<String> queries = repository.searchQueries(SEARCHES_PER_ROUND);

        List<McpAsyncClient> sessions = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sessions.add(McpClients.connect("http://127.0.0.1:" + port));
        }
        try {
            SearchLoad.Call rest = i -> load.search(SearchLoad.body(queries.get(i), 10, null));
            SearchLoad.Call mcp = i -> mcp(sessions.get(i % CLIENTS), queries.get(i));
            run(queries, rest, 1);
            run(queries, mcp, 1);
            Histogram restLatency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            Histogram mcpLatency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            for (int round = 0; round < ROUNDS; round++) {
                restLatency.add(run(queries, rest, CLIENTS));
                mcpLatency.add(run(queries, mcp, CLIENTS));
            }
            load.summary("POST /mcp/search, 10 clients", restLatency, 0);
            load.summary("MCP search_code, 10 sessions", mcpLatency, 0);
            double delta = SearchLoad.ms(mcpLatency.getValueAtPercentile(95))
                    - SearchLoad.ms(restLatency.getValueAtPercentile(95));
            load.line(
                    "p95 MCP - REST: %.2f ms (target within %.1f ms): %s",
                    delta, TARGET_MS, delta <= TARGET_MS ? "MET" : "MISSED");
            load.line("load average at end %s", SearchLoad.loadAverage());
            load.write("mcp-benchmark.txt");
            assertThat(restLatency.getTotalCount()).isEqualTo((long) ROUNDS * SEARCHES_PER_ROUND);
            assertThat(mcpLatency.getTotalCount()).isEqualTo((long) ROUNDS * SEARCHES_PER_ROUND);
        } finally {
            sessions.forEach(session -> session.closeGracefully().block(Duration.ofSeconds(10)));
        }
    }

    /** {@code clients} threads share the queries; each call's latency (request to full answer) is recorded. */
    private static Histogram run(List<String> queries, SearchLoad.Call search, int clients) throws Exception {
        return SearchLoad.closedLoop(queries.size(), clients, Duration.ofMinutes(5), search);
    }

    private static void mcp(McpAsyncClient session, String query) {
        CallToolResult result = session.callTool(
                        new CallToolRequest("search_code", Map.of("query", query, "limit", 10)))
                .block(Duration.ofSeconds(30));
        assertThat(result).isNotNull();
        assertThat(result.isError()).as(McpClients.text(result)).isFalse();
    }
}
