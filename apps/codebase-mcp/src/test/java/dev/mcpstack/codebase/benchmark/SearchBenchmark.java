package dev.mcpstack.codebase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Indexes a generated 10 000-file repository over HTTP, then runs searches from 10 concurrent clients (and with
 * {@code wrk}) and the same queries through ripgrep over the same files. The workload is the generator's queries
 * (identifiers and their words), every third one wrapped in a sentence as agents ask. Not part of {@code verify}:
 * run with {@code ./mvnw -o -pl apps/codebase-mcp test -Pbenchmark -Dtest=SearchBenchmark}. Figures go to stdout
 * and target/benchmark.txt.
 */
@Tag("benchmark")
@CodebaseMcpTest(
        properties = {
            CodebaseMcpApplication.CONFIG_NAME,
            // one connection per client from the start: the pool's default minimum (5) would make the 6th to 10th
            // concurrent client wait for new connections, which is pool growth, not search latency
            "spring.r2dbc.pool.initial-size=10",
            "spring.r2dbc.pool.min-idle=10",
            // on a loaded 2-core machine the 250 ms acquire limit sheds load (503); this measures search latency
            "spring.r2dbc.pool.max-acquire-time=5s"
        })
class SearchBenchmark {

    private static final int FILES = Integer.getInteger("benchmark.files", 10_000);
    private static final int CLIENTS = 10;
    private static final int SEARCHES = Integer.getInteger("benchmark.searches", 2_000);
    // a longer warm-up for slower machines, where the JIT is not quiet within the default (benchmark.txt says so)
    private static final int WARMUP_SEARCHES = Integer.getInteger("benchmark.warmup-searches", 500);
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 120));
    private static final int RG_QUERIES = Integer.getInteger("benchmark.rg-queries", 100);
    private static final List<String> SENTENCES =
            List.of("where is the %s implementation", "how does %s work", "code that handles the %s logic");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void indexAndSearch() throws Exception {
        SearchLoad load = new SearchLoad(port);
        load.line(
                "machine: %d cores, load average at start %s",
                Runtime.getRuntime().availableProcessors(), SearchLoad.loadAverage());
        SyntheticRepository repository = SyntheticRepository.of(42, FILES);
        long generateStart = System.nanoTime();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        repository.writeTarGz(archive);
        load.line(
                "generated %d files, %.1f MB tar.gz in %d ms", FILES, archive.size() / 1e6, millisSince(generateStart));

        // JIT warm-up: a smaller repository of the same kind, indexed first under another name
        ByteArrayOutputStream warmup = new ByteArrayOutputStream();
        SyntheticRepository.of(7, 2_000).writeTarGz(warmup);
        load.line("warm-up index (2000 files): %s", load.index("benchmark-warmup", warmup.toByteArray(), GZIP));

        double jvmBefore = ProcessCpu.jvmSeconds();
        double postgresBefore = ProcessCpu.postgresSeconds(postgresPort());
        long indexStart = System.nanoTime();
        String indexed = load.index("benchmark-" + FILES, archive.toByteArray(), GZIP);
        load.line("index: %d ms wall (HTTP upload included); response %s", millisSince(indexStart), indexed);
        load.line(
                "index CPU: JVM %.1f s (this JVM also runs the HTTP client), PostgreSQL %.1f s",
                ProcessCpu.jvmSeconds() - jvmBefore, ProcessCpu.postgresSeconds(postgresPort()) - postgresBefore);

        List<String> queries = mixed(repository.searchQueries(SEARCHES));
        List<String> bodies =
                queries.stream().map(query -> SearchLoad.body(query, 10, null)).toList();
        load.warmUp(bodies.subList(0, Math.min(WARMUP_SEARCHES, SEARCHES)), CLIENTS, WARMUP_LIMIT);
        SearchLoad.Run single = load.run(bodies.subList(0, Math.min(500, SEARCHES)), 1, false);
        double jvmSearchBefore = ProcessCpu.jvmSeconds();
        double postgresSearchBefore = ProcessCpu.postgresSeconds(postgresPort());
        SearchLoad.Run concurrent = load.run(bodies, CLIENTS, false);
        load.line(
                "10-client run: CPU per search: JVM %.2f ms (server and client), PostgreSQL %.2f ms",
                (ProcessCpu.jvmSeconds() - jvmSearchBefore) * 1000 / SEARCHES,
                (ProcessCpu.postgresSeconds(postgresPort()) - postgresSearchBefore) * 1000 / SEARCHES);
        load.summary("search, 1 client", single);
        load.summary("search, " + CLIENTS + " concurrent clients", concurrent);
        String wrk = load.wrk(bodies, CLIENTS, 15);
        if (wrk != null) {
            load.line("wrk -t2 -c10 -d15s (same workload): %s", wrk);
        }

        Path directory = Files.createTempDirectory("benchmark-files");
        try {
            repository.writeTo(directory);
            load.compareWithRipgrep(directory, queries.subList(0, RG_QUERIES), CLIENTS, single, concurrent);
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        load.line("load average at end %s", SearchLoad.loadAverage());
        load.write("benchmark.txt");
        assertThat(concurrent.histogram().getTotalCount()).isEqualTo(SEARCHES);
    }

    private static final String GZIP = "application/gzip";

    /** Every third query as a sentence around the generator's words, the way coding agents ask. */
    private static List<String> mixed(List<String> queries) {
        List<String> mixed = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i);
            mixed.add(i % 3 == 2 ? String.format(SENTENCES.get(i / 3 % SENTENCES.size()), query) : query);
        }
        return mixed;
    }

    private int postgresPort() {
        return SearchLoad.postgresPort(environment);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
