package dev.mcpstack.codebase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relevance and speed over real code nobody here wrote: the first 10 000 {@code .java} files (in path order) of the
 * machine's JDK sources ({@code lib/src.zip}, Temurin 25 by default), indexed over HTTP, then the labelled queries of
 * {@code src/test/resources/relevance/jdk-queries.tsv}: recall@10 and MRR per kind of query (a hit counts when its
 * file is one of the expected ones), then a mixed identifier/words/sentence workload from 1 and 10 clients, with
 * {@code wrk} and against {@code rg} over the same files. Skips with one line when no src.zip is found.
 *
 * <p>{@code ./mvnw -o -pl apps/codebase-mcp test -Pbenchmark -Dtest=JdkSearchBenchmark}; options
 * {@code -Dbenchmark.jdk-src=PATH}, {@code -Dbenchmark.jdk-files=10000}. Figures go to stdout and
 * target/jdk-benchmark.txt.
 */
@Tag("benchmark")
@CodebaseMcpTest(
        properties = {
            CodebaseMcpApplication.CONFIG_NAME,
            "spring.r2dbc.pool.initial-size=10",
            "spring.r2dbc.pool.min-idle=10",
            "spring.r2dbc.pool.max-acquire-time=5s"
        })
public class JdkSearchBenchmark {

    private static final int FILES = Integer.getInteger("benchmark.jdk-files", 10_000);
    private static final Set<String> WORKLOAD_KINDS = Set.of("identifier", "words", "sentence");
    private static final int WORKLOAD_ROUNDS = 6;
    private static final int RG_QUERIES = 60;
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 120));
    /** Relevance only (no speed runs): for iterating on ranking; figures for the docs come from full runs. */
    private static final boolean RELEVANCE_ONLY = Boolean.getBoolean("benchmark.relevance-only");

    private final ObjectMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    public record LabelledQuery(String kind, String query, Set<String> expected) {}

    @Test
    void relevanceAndSpeedOverJdkSources() throws Exception {
        Path zip = JdkSources.find();
        Assumptions.assumeTrue(zip != null, "no JDK lib/src.zip found under /usr/lib/jvm: JDK benchmark skipped");
        SearchLoad load = new SearchLoad(port);
        load.line(
                "machine: %d cores, load average at start %s",
                Runtime.getRuntime().availableProcessors(), SearchLoad.loadAverage());
        JdkSources sources = JdkSources.read(zip, FILES);
        load.line(
                "corpus: %s, %d files, %.1f MB of source", zip, sources.files().size(), sources.bytes() / 1e6);

        load.index("jdk-warmup", sources.tar(2_000), "application/x-tar");
        byte[] tar = sources.tar(FILES);
        double jvmBefore = ProcessCpu.jvmSeconds();
        double postgresBefore = ProcessCpu.postgresSeconds(postgresPort());
        long indexStart = System.nanoTime();
        String indexed = load.index("jdk", tar, "application/x-tar");
        load.line(
                "index: %d ms wall (HTTP upload of the tar included); response %s",
                (System.nanoTime() - indexStart) / 1_000_000, indexed);
        load.line(
                "index CPU: JVM %.1f s (this JVM also runs the HTTP client), PostgreSQL %.1f s",
                ProcessCpu.jvmSeconds() - jvmBefore, ProcessCpu.postgresSeconds(postgresPort()) - postgresBefore);
        String repositoryId = json.readTree(indexed).get("repository_id").asString();

        List<LabelledQuery> queries = labelledQueries();
        relevance(load, queries, repositoryId);
        if (!RELEVANCE_ONLY) {
            speed(load, queries, repositoryId, sources);
        }
        load.line("load average at end %s", SearchLoad.loadAverage());
        load.write("jdk-benchmark.txt");
    }

    private void relevance(SearchLoad load, List<LabelledQuery> queries, String repositoryId) throws Exception {
        Map<String, double[]> byKind = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (LabelledQuery query : queries) {
            JsonNode results = json.readTree(load.search(SearchLoad.body(query.query(), 10, repositoryId)))
                    .get("results");
            int rank = 0;
            for (int i = 0; i < results.size(); i++) {
                if (query.expected().contains(results.get(i).get("file_path").asString())) {
                    rank = i + 1;
                    break;
                }
            }
            double[] sums = byKind.computeIfAbsent(query.kind(), k -> new double[3]);
            sums[0]++;
            sums[1] += rank > 0 ? 1 : 0;
            sums[2] += rank > 0 ? 1.0 / rank : 0;
            if (rank == 0) {
                misses.add(query.kind() + ": " + query.query());
            }
        }
        load.line("relevance (%d labelled queries, limit 10):", queries.size());
        load.line("| kind | queries | recall@10 | MRR |");
        load.line("| --- | --- | --- | --- |");
        byKind.forEach((kind, sums) ->
                load.line("| %s | %.0f | %.3f | %.3f |", kind, sums[0], sums[1] / sums[0], sums[2] / sums[0]));
        load.line("missed (declaring file not in the top 10): %s", String.join("; ", misses));
        assertThat(byKind).containsKeys("identifier", "words", "sentence");
    }

    private void speed(SearchLoad load, List<LabelledQuery> queries, String repositoryId, JdkSources sources)
            throws Exception {
        List<String> workload = new ArrayList<>();
        for (int round = 0; round < WORKLOAD_ROUNDS; round++) {
            for (LabelledQuery query : queries) {
                if (WORKLOAD_KINDS.contains(query.kind())) {
                    workload.add(SearchLoad.body(query.query(), 10, repositoryId));
                }
            }
        }
        load.warmUp(workload, 10, WARMUP_LIMIT);
        SearchLoad.Run single = load.run(workload.subList(0, workload.size() / 3), 1, false);
        load.summary("JDK mixed workload, 1 client", single);
        double jvmBefore = ProcessCpu.jvmSeconds();
        double postgresBefore = ProcessCpu.postgresSeconds(postgresPort());
        SearchLoad.Run concurrent = load.run(workload, 10, false);
        load.summary("JDK mixed workload, 10 clients", concurrent);
        load.line(
                "10-client run: CPU per search: JVM %.2f ms (server and client), PostgreSQL %.2f ms",
                (ProcessCpu.jvmSeconds() - jvmBefore) * 1000 / workload.size(),
                (ProcessCpu.postgresSeconds(postgresPort()) - postgresBefore) * 1000 / workload.size());
        String wrk = load.wrk(workload, 10, 15);
        if (wrk != null) {
            load.line("wrk -t2 -c10 -d15s (JDK mixed workload): %s", wrk);
        }
        Path directory = Files.createTempDirectory("jdk-files");
        try {
            sources.writeTo(directory);
            List<String> rgQueries = workload.stream()
                    .limit(RG_QUERIES)
                    .map(body -> queryOf(body))
                    .toList();
            load.compareWithRipgrep(directory, rgQueries, 10, single, concurrent);
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        assertThat(concurrent.histogram().getTotalCount()).isEqualTo(workload.size());
    }

    private int postgresPort() {
        return SearchLoad.postgresPort(environment);
    }

    private String queryOf(String body) {
        return json.readTree(body).get("query").asString();
    }

    public static List<LabelledQuery> labelledQueries() throws IOException {
        List<LabelledQuery> queries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(JdkSearchBenchmark.class.getResourceAsStream("/relevance/jdk-queries.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                queries.add(new LabelledQuery(fields[0], fields[1], Set.of(fields[2].split("\\|"))));
            }
        }
        return queries;
    }
}
