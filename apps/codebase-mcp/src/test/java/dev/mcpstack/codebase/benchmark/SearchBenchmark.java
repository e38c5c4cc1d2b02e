package dev.mcpstack.codebase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Indexes a generated 10 000-file repository over HTTP, then runs searches from 10 concurrent clients and the
 * same queries through ripgrep over the same files. Not part of {@code verify}: run with
 * {@code ./mvnw -o -pl apps/codebase-mcp test -Pbenchmark}. Figures go to stdout and target/benchmark.txt.
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
    private static final int WARMUP_SEARCHES = 500;
    private static final int RG_QUERIES = Integer.getInteger("benchmark.rg-queries", 100);
    private static final Duration TIME_LIMIT = Duration.ofMinutes(5);

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void indexAndSearch() throws Exception {
        line("machine: %d cores, load average at start %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        SyntheticRepository repository = SyntheticRepository.of(42, FILES);
        long generateStart = System.nanoTime();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        repository.writeTarGz(archive);
        line("generated %d files, %.1f MB tar.gz in %d ms", FILES, archive.size() / 1e6, millisSince(generateStart));

        // JIT warm-up: a smaller repository of the same kind, indexed first under another name
        ByteArrayOutputStream warmup = new ByteArrayOutputStream();
        SyntheticRepository.of(7, 2_000).writeTarGz(warmup);
        line("warm-up index (2000 files): %s", index("benchmark-warmup", warmup.toByteArray()));

        double jvmBefore = ProcessCpu.jvmSeconds();
        double postgresBefore = ProcessCpu.postgresSeconds(postgresPort());
        long indexStart = System.nanoTime();
        String indexed = index("benchmark-" + FILES, archive.toByteArray());
        line("index: %d ms wall (HTTP upload included); response %s", millisSince(indexStart), indexed);
        line(
                "index CPU: JVM %.1f s (this JVM also runs the HTTP client), PostgreSQL %.1f s",
                ProcessCpu.jvmSeconds() - jvmBefore, ProcessCpu.postgresSeconds(postgresPort()) - postgresBefore);

        List<String> queries = repository.searchQueries(SEARCHES);
        run(queries.subList(0, WARMUP_SEARCHES));
        Histogram single = run(queries.subList(0, Math.min(500, SEARCHES)), 1);
        double jvmSearchBefore = ProcessCpu.jvmSeconds();
        double postgresSearchBefore = ProcessCpu.postgresSeconds(postgresPort());
        long concurrentStart = System.nanoTime();
        Histogram concurrent = run(queries, CLIENTS);
        double seconds = (System.nanoTime() - concurrentStart) / 1e9;
        line(
                "10-client run: %.0f searches/s; CPU per search: JVM %.2f ms (server and client), PostgreSQL %.2f ms",
                SEARCHES / seconds,
                (ProcessCpu.jvmSeconds() - jvmSearchBefore) * 1000 / SEARCHES,
                (ProcessCpu.postgresSeconds(postgresPort()) - postgresSearchBefore) * 1000 / SEARCHES);
        summary("search, 1 client", single);
        summary("search, " + CLIENTS + " concurrent clients", concurrent);

        Histogram ripgrep = ripgrep(repository, queries.subList(0, RG_QUERIES));
        if (ripgrep != null) {
            summary("rg, 1 process per query", ripgrep);
            line(
                    "ratio rg p50 / search p50 (10 clients): %.1fx; rg p50 / search p50 (1 client): %.1fx",
                    ms(ripgrep.getValueAtPercentile(50)) / ms(concurrent.getValueAtPercentile(50)),
                    ms(ripgrep.getValueAtPercentile(50)) / ms(single.getValueAtPercentile(50)));
        }
        line("load average at end %s", loadAverage());
        Path out = Path.of("target", "benchmark.txt");
        Files.writeString(out, report);
        assertThat(concurrent.getTotalCount()).isEqualTo(SEARCHES);
    }

    private String index(String name, byte[] tarGz) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/mcp/index?repository=" + name))
                        .header("Content-Type", "application/gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(tarGz))
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private Histogram run(List<String> queries) throws Exception {
        return run(queries, CLIENTS);
    }

    /** {@code clients} threads share the query list; each search's latency (request to full body) is recorded. */
    private Histogram run(List<String> queries, int clients) throws Exception {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        List<Future<Histogram>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Histogram mine = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
                for (int i = client; i < queries.size() && System.nanoTime() < deadline; i += clients) {
                    String body = "{\"query\":\"" + queries.get(i) + "\",\"limit\":10}";
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(uri("/mcp/search"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    mine.recordValue(System.nanoTime() - start);
                    if (response.statusCode() != 200 || response.body().contains("\"results\":[]")) {
                        throw new IllegalStateException("query " + queries.get(i) + ": " + response.body());
                    }
                }
                return mine;
            }));
        }
        for (Future<Histogram> future : futures) {
            histogram.add(future.get());
        }
        pool.shutdown();
        return histogram;
    }

    private @Nullable Histogram ripgrep(SyntheticRepository repository, List<String> queries) throws Exception {
        Path directory = Files.createTempDirectory("benchmark-files");
        try {
            repository.writeTo(directory);
            if (!rgAvailable()) {
                line("rg not installed: comparison skipped");
                return null;
            }
            Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            runRg(directory, queries.get(0));
            for (String query : queries) {
                long start = System.nanoTime();
                runRg(directory, query);
                histogram.recordValue(System.nanoTime() - start);
            }
            return histogram;
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Case-insensitive fixed-string search listing matching files; words of multi-word queries are OR-ed. */
    private static void runRg(Path directory, String query) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("rg", "--files-with-matches", "--ignore-case", "--fixed-strings"));
        for (String word : query.split(" ")) {
            command.add("-e");
            command.add(word);
        }
        command.add(directory.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("rg did not finish for " + query);
        }
    }

    private static boolean rgAvailable() {
        try {
            return new ProcessBuilder("rg", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private int postgresPort() {
        Matcher matcher = Pattern.compile(":(\\d+)/").matcher(environment.getProperty("spring.r2dbc.url", ""));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void summary(String what, Histogram histogram) {
        line(
                "%s: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms mean=%.2f ms",
                what,
                histogram.getTotalCount(),
                ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()),
                histogram.getMean() / 1e6);
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println("[benchmark] " + text);
        report.append(text).append('\n');
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
