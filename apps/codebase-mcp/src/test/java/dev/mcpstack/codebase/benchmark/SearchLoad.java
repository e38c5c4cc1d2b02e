package dev.mcpstack.codebase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * What the search benchmarks share: indexing over HTTP, closed-loop search clients into HdrHistogram, ripgrep and
 * wrk as yardsticks, and the report (stdout lines prefixed {@code [benchmark]} plus a file under target/).
 */
final class SearchLoad {

    private static final Duration TIME_LIMIT = Duration.ofMinutes(5);
    /** JIT compile time per round, as a share of the round's CPU time, below which the service counts as warm. */
    private static final double STEADY_COMPILE_SHARE = 0.02;
    /** Bounds each rg run: every process scans every file, so on 2 cores one can take seconds. */
    private static final Duration RG_TIME_LIMIT = Duration.ofMinutes(3);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private final StringBuilder report = new StringBuilder();

    SearchLoad(int port) {
        this.port = port;
    }

    /** POSTs an archive to {@code /mcp/index} and returns the 201 body. */
    String index(String name, byte[] archive, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/mcp/index?repository=" + name))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(archive))
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    /** One search; the raw 200 body. */
    String search(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/mcp/search"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(body + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * {@code clients} threads share the request bodies; each search's latency (request to full body) is recorded.
     * With {@code requireHits}, a search answering no result fails the run; otherwise such searches are counted
     * and reported with the latencies.
     */
    Run run(List<String> bodies, int clients, boolean requireHits) throws Exception {
        long started = System.nanoTime();
        AtomicInteger empty = new AtomicInteger();
        Histogram histogram = closedLoop(bodies.size(), clients, TIME_LIMIT, i -> {
            if (search(bodies.get(i)).contains("\"results\":[]")) {
                if (requireHits) {
                    throw new IllegalStateException("no hits for " + bodies.get(i));
                }
                empty.incrementAndGet();
            }
        });
        return new Run(histogram, (System.nanoTime() - started) / 1e9, empty.get());
    }

    /**
     * Warms the service (in this JVM) up for a measurement: rounds of {@code bodies} from {@code clients} clients
     * until a round spends under {@link #STEADY_COMPILE_SHARE} of its CPU time (wall time × cores) in the JIT
     * compilers, or {@code limit} has passed. A short warm-up measured the compilers, not the search: in a 66 s
     * JDK benchmark 38 % of the JVM's CPU samples were C1/C2 compiling (async-profiler, 4 December). Reports the
     * rounds and the last round's compile time, so a measurement taken before the JIT settled says so.
     */
    void warmUp(List<String> bodies, int clients, Duration limit) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int cores = Runtime.getRuntime().availableProcessors();
        long deadline = System.nanoTime() + limit.toNanos();
        int rounds = 0;
        double share = 1;
        long compileMillis = 0;
        long started = System.nanoTime();
        while (share >= STEADY_COMPILE_SHARE && System.nanoTime() < deadline) {
            long before = jit.getTotalCompilationTime();
            Run round = run(bodies, clients, false);
            compileMillis = jit.getTotalCompilationTime() - before;
            share = compileMillis / (round.seconds() * 1000 * cores);
            rounds++;
        }
        line(
                "warm-up: %d rounds of %d searches from %d clients in %.1f s; last round %d ms compiling (%.1f %% of its"
                        + " CPU time)%s",
                rounds,
                bodies.size(),
                clients,
                (System.nanoTime() - started) / 1e9,
                compileMillis,
                share * 100,
                share < STEADY_COMPILE_SHARE ? "" : ": JIT not settled within " + limit.toSeconds() + " s");
    }

    /** One call of a closed loop, by the index of its item. */
    @FunctionalInterface
    interface Call {
        void run(int index) throws Exception;
    }

    /**
     * {@code clients} threads share {@code count} items, client c taking c, c + clients, ..., each making its next
     * call when the previous one returned, until all are done or {@code limit} has passed; each call's latency is
     * recorded (nanoseconds).
     */
    static Histogram closedLoop(int count, int clients, Duration limit, Call call) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Histogram mine = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
                for (int i = client; i < count && System.nanoTime() < deadline; i += clients) {
                    long start = System.nanoTime();
                    call.run(i);
                    mine.recordValue(System.nanoTime() - start);
                }
                return mine;
            }));
        }
        try {
            for (Future<Histogram> future : futures) {
                histogram.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return histogram;
    }

    /** Latencies of one run, its duration and how many searches found nothing. */
    record Run(Histogram histogram, double seconds, int empty) {}

    /** The JSON body of a search request; queries are plain words, so only quotes and backslashes need escaping. */
    static String body(String query, int limit, @Nullable String repositoryId) {
        String escaped = query.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"query\":\"" + escaped + "\",\"limit\":" + limit
                + (repositoryId == null ? "" : ",\"repository_id\":\"" + repositoryId + "\"") + "}";
    }

    /**
     * rg over {@code directory} from {@code clients} closed-loop clients (1: one process at a time), each starting its
     * next process when the previous one ends, with the same rotation as {@link #run} (client c takes queries c,
     * c + clients, ...), bounded by {@link #RG_TIME_LIMIT}.
     */
    private static Run ripgrep(Path directory, List<String> queries, int clients) throws Exception {
        long started = System.nanoTime();
        Histogram histogram = closedLoop(queries.size(), clients, RG_TIME_LIMIT, i -> runRg(directory, queries.get(i)));
        return new Run(histogram, (System.nanoTime() - started) / 1e9, 0);
    }

    /**
     * Both rg readings against the search runs: rg one process at a time against search at 1 and 10 clients (the
     * earlier sessions' ratio), and rg from as many clients as the concurrent search run (the load that run sees, so
     * the two compare like for like), p50 and throughput. The page cache is warmed by one first run.
     */
    void compareWithRipgrep(Path directory, List<String> queries, int clients, Run single, Run concurrent)
            throws Exception {
        if (!available("rg", "--version")) {
            line("rg not installed: comparison skipped");
            return;
        }
        runRg(directory, queries.get(0));
        Histogram sequential = ripgrep(directory, queries, 1).histogram();
        summary("rg over the same files, 1 process at a time", sequential, 0);
        line(
                "ratio rg p50 (1 process at a time) / search p50: search at %d clients %.1fx, search at 1 client %.1fx",
                clients, p50(sequential) / p50(concurrent.histogram()), p50(sequential) / p50(single.histogram()));
        Run parallel = ripgrep(directory, queries, clients);
        summary("rg, " + clients + " clients", parallel.histogram(), parallel.seconds());
        line(
                "ratio rg p50 / search p50, both at %d clients: %.1fx; throughput search / rg: %.0f / %.1f queries/s ="
                        + " %.1fx",
                clients,
                p50(parallel.histogram()) / p50(concurrent.histogram()),
                concurrent.histogram().getTotalCount() / concurrent.seconds(),
                parallel.histogram().getTotalCount() / parallel.seconds(),
                (concurrent.histogram().getTotalCount() / concurrent.seconds())
                        / (parallel.histogram().getTotalCount() / parallel.seconds()));
        assertThat(parallel.histogram().getTotalCount()).isPositive();
    }

    private static double p50(Histogram histogram) {
        return ms(histogram.getValueAtPercentile(50));
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
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("rg did not finish for " + query);
        }
    }

    /**
     * Runs {@code wrk} with the checked-in rotating script ({@code src/test/resources/wrk/search.lua}) against
     * {@code /mcp/search}; returns its summary line, or null when wrk is not installed.
     */
    @Nullable
    String wrk(List<String> bodies, int connections, int seconds) throws Exception {
        if (!available("wrk", "--version")) {
            line("wrk not installed: wrk run skipped");
            return null;
        }
        Path file = Files.createTempFile("search-bodies", ".jsonl");
        try {
            Files.write(file, bodies);
            Path script =
                    Path.of("src", "test", "resources", "wrk", "search.lua").toAbsolutePath();
            Process process = new ProcessBuilder(
                            "wrk",
                            "-t2",
                            "-c" + connections,
                            "-d" + seconds + "s",
                            "-s",
                            script.toString(),
                            uri("/mcp/search").toString(),
                            "--",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish");
            }
            return output.lines()
                    .filter(l -> l.startsWith("wrk-summary"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk printed no summary: " + output));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean available(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor() == 0 || command[0].equals("wrk");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The embedded PostgreSQL's port, from the R2DBC URL the test context was given (-1 if none). */
    static int postgresPort(Environment environment) {
        Matcher matcher = Pattern.compile(":(\\d+)/").matcher(environment.getProperty("spring.r2dbc.url", ""));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    void summary(String what, Run run) {
        summary(what, run.histogram(), run.seconds());
        line("%s: %d searches without hits", what, run.empty());
    }

    void summary(String what, Histogram histogram, double seconds) {
        line(
                "%s: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms mean=%.2f ms%s",
                what,
                histogram.getTotalCount(),
                ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()),
                histogram.getMean() / 1e6,
                seconds > 0 ? String.format(", %.0f searches/s", histogram.getTotalCount() / seconds) : "");
    }

    void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println("[benchmark] " + text);
        report.append(text).append('\n');
    }

    void write(String fileName) throws IOException {
        Files.writeString(Path.of("target", fileName), report);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
