package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.codebase.benchmark.JdkSearchBenchmark;
import dev.mcpstack.codebase.benchmark.JdkSources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Where a search's time goes: over the JDK corpus, each labelled query is planned and run through the service,
 * and the slowest are explained ({@code EXPLAIN (ANALYZE, BUFFERS)}) with their plan. A diagnostic, not a figure:
 * {@code ./mvnw -o -pl apps/codebase-mcp test -Pbenchmark -Dtest=SearchPlanBenchmark -Dbenchmark.jdk-files=3000}.
 */
@Tag("benchmark")
@CodebaseMcpTest(properties = {CodebaseMcpApplication.CONFIG_NAME, "spring.r2dbc.pool.max-acquire-time=10s"})
class SearchPlanBenchmark {

    private static final int EXPLAINED = Integer.getInteger("benchmark.explained", 6);

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    TermStatistics statistics;

    @Autowired
    SearchService service;

    @Autowired
    SearchProperties properties;

    record Timed(String query, long micros) {}

    @Test
    void explainSlowestQueries() throws Exception {
        Path zip = JdkSources.find();
        Assumptions.assumeTrue(zip != null, "no JDK lib/src.zip found: skipped");
        JdkSources sources = JdkSources.read(zip, Integer.getInteger("benchmark.jdk-files", 10_000));
        HttpResponse<String> indexed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp/index?repository=jdk"))
                                .header("Content-Type", "application/x-tar")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        sources.tar(sources.files().size())))
                                .timeout(Duration.ofMinutes(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"repository_id\":\"([^\"]+)\"").matcher(indexed.body());
        assertThat(id.find()).isTrue();
        SearchService.Filters filters = new SearchService.Filters(UUID.fromString(id.group(1)), null, null);

        for (String shown : System.getProperty("benchmark.show", "").split(",")) {
            if (!shown.isBlank()) {
                SearchQuery query = SearchQuery.parse(shown);
                SearchPlan plan = SearchPlan.of(
                        query,
                        statistics.lookUp(query, filters.repositoryId()).block(Duration.ofSeconds(60)),
                        properties.candidateBudget());
                System.out.println("[explain] query '" + shown + "' plan " + plan);
                service.search(query, 10, filters)
                        .block(Duration.ofSeconds(60))
                        .results()
                        .forEach(hit -> System.out.println(
                                "[explain]   " + hit.score() + " " + hit.filePath() + ":" + hit.startLine()));
            }
        }
        if (Boolean.getBoolean("benchmark.show-only")) {
            return;
        }
        List<Timed> timings = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            // the first round warms the JIT and the caches up
            timings.clear();
            for (JdkSearchBenchmark.LabelledQuery labelled : JdkSearchBenchmark.labelledQueries()) {
                SearchQuery query = SearchQuery.parse(labelled.query());
                long start = System.nanoTime();
                service.search(query, 10, filters).block(Duration.ofSeconds(60));
                timings.add(new Timed(labelled.query(), (System.nanoTime() - start) / 1000));
            }
        }
        timings.sort(Comparator.comparingLong(Timed::micros).reversed());
        System.out.println(
                "[explain] median " + timings.get(timings.size() / 2) + ", slowest " + timings.subList(0, 20));
        for (Timed timed : timings.subList(0, EXPLAINED)) {
            SearchQuery query = SearchQuery.parse(timed.query());
            long start = System.nanoTime();
            TermStatistics.Found found =
                    statistics.lookUp(query, filters.repositoryId()).block(Duration.ofSeconds(60));
            long statsMicros = (System.nanoTime() - start) / 1000;
            SearchPlan plan = SearchPlan.of(query, found, properties.candidateBudget());
            List<String> lines = SearchService.bind(
                            database.sql("EXPLAIN (ANALYZE, BUFFERS) " + SearchService.sql(filters)),
                            plan,
                            10,
                            properties.rankedCandidates(),
                            filters)
                    .map((row, metadata) -> row.get(0, String.class))
                    .all()
                    .collectList()
                    .block(Duration.ofSeconds(60));
            System.out.println("[explain] " + timed + " statistics " + statsMicros + " us; plan " + plan);
            lines.forEach(line -> System.out.println("[explain]   " + line));
            TermStatisticsSql.bind(
                            database.sql("EXPLAIN (ANALYZE, BUFFERS) " + TermStatisticsSql.sql(true)),
                            TermStatistics.keys(query, filters.repositoryId()),
                            filters.repositoryId())
                    .map((row, metadata) -> row.get(0, String.class))
                    .all()
                    .doOnNext(line -> System.out.println("[explain]   statistics: " + line))
                    .blockLast(Duration.ofSeconds(60));
        }
        assertThat(timings).isNotEmpty();
    }
}
