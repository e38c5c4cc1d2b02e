package dev.mcpstack.workflow.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Closed-loop load: N clients, each on a keep-alive HTTP/1.1 connection, issue requests back to back and
 * record every latency (microseconds) into HdrHistogram. Bounded by operation count and by a deadline.
 */
final class LoadRunner {

    record Call(
            String method,
            String path,
            @Nullable String clientId,
            @Nullable String json,
            int expectedStatus) {}

    interface Workload {
        Call next(int client, int iteration);
    }

    record Result(String name, Histogram histogram, int errors, long wallMillis) {

        static Result merge(String name, List<Result> parts) {
            Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
            int errors = 0;
            long wall = 0;
            for (Result part : parts) {
                total.add(part.histogram());
                errors += part.errors();
                wall += part.wallMillis();
            }
            return new Result(name, total, errors, wall);
        }

        String row() {
            return String.format(
                    "| %s | %d | %.2f | %.2f | %.2f | %.2f | %d | %.0f |",
                    name,
                    histogram.getTotalCount(),
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(95) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0,
                    errors,
                    histogram.getTotalCount() * 1000.0 / Math.max(1, wallMillis));
        }
    }

    private final String baseUrl;
    // one client for all workers: its pool keeps one keep-alive connection per concurrent worker, and one
    // selector thread instead of one per worker leaves more of the two cores to the service
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    LoadRunner(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Result run(String name, int clients, int perClient, Workload workload) throws Exception {
        List<Histogram> histograms = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
                histograms.add(histogram);
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perClient && System.nanoTime() < deadline; i++) {
                        Call call = workload.next(client, i);
                        long begin = System.nanoTime();
                        int status = send(http, call);
                        long micros = (System.nanoTime() - begin) / 1000;
                        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                        if (status != call.expectedStatus()) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(6, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        histograms.forEach(total::add);
        return new Result(name, total, errors.get(), wall);
    }

    private int send(HttpClient http, Call call) {
        try {
            return http.send(request(call), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (call.clientId() != null) {
            builder.header("X-Client-Id", call.clientId());
        }
        if (call.json() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.json()));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }
}
