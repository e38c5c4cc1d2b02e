package dev.mcpstack.common.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.common.testapp.TestApp;
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
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /health} latency over real HTTP on 127.0.0.1 (SPEC §8: p99 under 5 ms). Not part of {@code verify}:
 * run with {@code ./mvnw -o -pl apps/common test -Pbenchmark}. Bounded in count and time.
 */
@Tag("benchmark")
@SpringBootTest(
        classes = TestApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = TestApp.CONFIG_NAME)
class HealthLatencyBenchmarkTest {

    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 20_000;
    /** Concurrent keep-alive clients; {@code -Dbenchmark.clients=N} to change. */
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 1);

    private static final Duration TIME_LIMIT = Duration.ofMinutes(3);

    @LocalServerPort
    int port;

    @Test
    void healthP99IsUnderFiveMilliseconds() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();

        run(client, request, WARM_UP, new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(10), 3));
        Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(10), 3);
        long started = System.nanoTime();
        run(client, request, MEASURED, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;

        String report = String.format(
                "GET /health over HTTP/1.1 on 127.0.0.1, %d clients, %d requests after %d warm-up: "
                        + "p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms, %.0f req/s%n",
                CLIENTS,
                latencies.getTotalCount(),
                WARM_UP,
                millis(latencies.getValueAtPercentile(50)),
                millis(latencies.getValueAtPercentile(95)),
                millis(latencies.getValueAtPercentile(99)),
                millis(latencies.getValueAtPercentile(99.9)),
                millis(latencies.getMaxValue()),
                latencies.getTotalCount() / seconds);
        System.out.print(report);
        Files.writeString(Path.of("target", "benchmark-health.txt"), report);

        assertThat(latencies.getTotalCount()).isEqualTo(MEASURED);
        assertThat(millis(latencies.getValueAtPercentile(99))).isLessThan(5.0);
    }

    private static void run(HttpClient client, HttpRequest request, int total, Histogram into) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = 0; i < total / CLIENTS && System.nanoTime() < deadline; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = send(client, request);
                        into.recordValue(System.nanoTime() - start);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("/health answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(TIME_LIMIT.toSeconds() + 10, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
