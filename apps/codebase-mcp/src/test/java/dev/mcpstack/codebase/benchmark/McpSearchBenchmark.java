package dev.mcpstack.codebase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.mcp.McpClients;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §8 "MCP tool call (search_code)": the same queries from 10 concurrent clients as {@code POST /mcp/search}
 * and as the MCP tool {@code search_code} (10 SDK client sessions over Streamable HTTP), in alternating rounds so
 * machine load drifts over both alike. Target: MCP p95 within 2 ms of REST p95. Not part of {@code verify}: run with
 * {@code ./mvnw -o -pl apps/codebase-mcp verify -Pbenchmark -Dtest=McpSearchBenchmark}; figures to stdout and
 * target/mcp-benchmark.txt.
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

    @Autowired
    Api api;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void searchCodeOverMcpAgainstRest() throws Exception {
        line("machine: %d cores, load average at start %s", Runtime.getRuntime().availableProcessors(), load());
        SyntheticRepository repository = SyntheticRepository.of(42, FILES);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        repository.writeTarGz(archive);
        api.indexTarGz("mcp-benchmark", archive.toByteArray());
        List<String> queries = repository.searchQueries(SEARCHES_PER_ROUND);

        List<McpAsyncClient> sessions = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sessions.add(McpClients.connect("http://127.0.0.1:" + port));
        }
        try {
            run(queries, client -> rest(queries.get(client)), 1);
            run(queries, client -> mcp(sessions.get(client % CLIENTS), queries.get(client)), 1);
            Histogram rest = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            Histogram mcp = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            for (int round = 0; round < ROUNDS; round++) {
                rest.add(run(queries, i -> rest(queries.get(i)), CLIENTS));
                mcp.add(run(queries, i -> mcp(sessions.get(i % CLIENTS), queries.get(i)), CLIENTS));
            }
            summary("POST /mcp/search, 10 clients", rest);
            summary("MCP search_code, 10 sessions", mcp);
            double delta = ms(mcp.getValueAtPercentile(95)) - ms(rest.getValueAtPercentile(95));
            line(
                    "p95 MCP - REST: %.2f ms (target within %.1f ms): %s",
                    delta, TARGET_MS, delta <= TARGET_MS ? "MET" : "MISSED");
            line("load average at end %s", load());
            Files.writeString(Path.of("target", "mcp-benchmark.txt"), report);
            assertThat(rest.getTotalCount()).isEqualTo((long) ROUNDS * SEARCHES_PER_ROUND);
            assertThat(mcp.getTotalCount()).isEqualTo((long) ROUNDS * SEARCHES_PER_ROUND);
        } finally {
            sessions.forEach(session -> session.closeGracefully().block(Duration.ofSeconds(10)));
        }
    }

    @FunctionalInterface
    private interface Search {
        void run(int index) throws Exception;
    }

    /** {@code clients} threads share the queries; each call's latency (request to full answer) is recorded. */
    private static Histogram run(List<String> queries, Search search, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Histogram mine = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
                for (int i = client; i < queries.size(); i += clients) {
                    long start = System.nanoTime();
                    search.run(i);
                    mine.recordValue(System.nanoTime() - start);
                }
                return mine;
            }));
        }
        Histogram all = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        for (Future<Histogram> future : futures) {
            all.add(future.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return all;
    }

    private void rest(String query) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp/search"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\",\"limit\":10}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void mcp(McpAsyncClient session, String query) {
        CallToolResult result = session.callTool(
                        new CallToolRequest("search_code", Map.of("query", query, "limit", 10)))
                .block(Duration.ofSeconds(30));
        assertThat(result).isNotNull();
        assertThat(result.isError()).as(McpClients.text(result)).isFalse();
    }

    private void summary(String what, Histogram histogram) {
        line(
                "%s: n=%d p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                what,
                histogram.getTotalCount(),
                ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println("[mcp-benchmark] " + text);
        report.append(text).append('\n');
    }
}
