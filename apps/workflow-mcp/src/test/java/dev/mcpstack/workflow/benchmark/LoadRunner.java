package dev.mcpstack.workflow.benchmark;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Closed-loop load: N clients, each on its own keep-alive HTTP/1.1 connection, issue requests back to back and
 * record every latency (microseconds) into HdrHistogram. Bounded by operation count and by a deadline. The clients
 * are N concurrent request chains on one Reactor Netty event loop rather than N blocking threads: on a 2-core
 * machine shared with the service and PostgreSQL, a thread per client and the JDK HttpClient's selector
 * hand-offs cost more CPU than the requests they measure (docs/performance/workflow-mcp.md).
 */
final class LoadRunner implements AutoCloseable {

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

    /** The name prefix of the client's event-loop thread, whose CPU time {@link CpuMeter} reports on its own. */
    static final String THREAD_PREFIX = "bench-client";

    private static final int MAX_CLIENTS = 16;

    private final LoopResources loop = LoopResources.create(THREAD_PREFIX, 1, true);
    private final ConnectionProvider connections = ConnectionProvider.builder("bench-client")
            .maxConnections(MAX_CLIENTS)
            .pendingAcquireMaxCount(-1)
            .build();
    private final HttpClient http;

    LoadRunner(String baseUrl) {
        this.http = HttpClient.create(connections).runOn(loop).baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(10));
    }

    Result run(String name, int clients, int perClient, Workload workload) {
        return run(name, clients, perClient, Duration.ofMinutes(5), workload);
    }

    /** As {@link #run(String, int, int, Workload)}, but each client stops at {@code limit} (for warm-ups). */
    Result run(String name, int clients, int perClient, Duration limit, Workload workload) {
        if (clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("at most " + MAX_CLIENTS + " clients");
        }
        List<Histogram> histograms = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            histograms.add(new Histogram(TimeUnit.SECONDS.toMicros(30), 3));
        }
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        long started = System.nanoTime();
        Flux.range(0, clients)
                .flatMap(
                        client -> Flux.range(0, perClient)
                                .takeWhile(i -> System.nanoTime() < deadline)
                                .concatMap(i -> timed(workload.next(client, i), histograms.get(client), errors)),
                        clients)
                .blockLast(limit.plus(Duration.ofMinutes(1)));
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        histograms.forEach(total::add);
        return new Result(name, total, errors.get(), wall);
    }

    private Mono<Integer> timed(Call call, Histogram histogram, AtomicInteger errors) {
        return Mono.defer(() -> {
            long begin = System.nanoTime();
            return send(call).doOnNext(status -> {
                long micros = (System.nanoTime() - begin) / 1000;
                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                if (status != call.expectedStatus()) {
                    errors.incrementAndGet();
                }
            });
        });
    }

    private Mono<Integer> send(Call call) {
        byte[] body = call.json() == null ? new byte[0] : call.json().getBytes(StandardCharsets.UTF_8);
        return http.headers(headers -> {
                    headers.set(HttpHeaderNames.ACCEPT, "application/json");
                    headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    if (call.clientId() != null) {
                        headers.set("X-Client-Id", call.clientId());
                    }
                    if (call.json() != null) {
                        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    }
                })
                .request(HttpMethod.valueOf(call.method()))
                .uri(call.path())
                .send((request, out) -> body.length == 0 ? out : out.sendByteArray(Mono.just(body)))
                .response((response, content) ->
                        content.then(Mono.just(response.status().code())))
                .next()
                .onErrorReturn(-1);
    }

    @Override
    public void close() {
        connections.dispose();
        loop.dispose();
    }
}
