package dev.mcpstack.validator.load;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Drives load like k6: a closed model (staged virtual users, each sending its next request when the previous one
 * answered) and an open model (constant arrival rate, latency measured from each request's intended start so a slow
 * server cannot hide its queueing: no coordinated omission). Requests go through Reactor Netty with keep-alive
 * connections, one per virtual user. Every loop is bounded by the plan's duration plus a grace period.
 */
public final class LoadEngine implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_IN_FLIGHT = 2_000;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Duration timeout;
    private final LoopResources loops =
            LoopResources.create("load", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private final ConnectionProvider connections = ConnectionProvider.builder("load")
            .maxConnections(MAX_IN_FLIGHT)
            .pendingAcquireMaxCount(-1)
            .build();
    private final HttpClient client;

    public LoadEngine(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.create(connections)
                .runOn(loops)
                .responseTimeout(timeout)
                .keepAlive(true);
    }

    /**
     * Outcome of one request as an error type (empty when it succeeded); errors (timeout, connection) come out as the
     * Mono's error.
     */
    Mono<String> send(LoadRequest request) {
        // headers go on the request itself: client.headers(..) would copy the client's configuration per request
        return client.request(HttpMethod.valueOf(request.method()))
                .uri(request.uri().toString())
                .send((outbound, out) -> {
                    request.headers().forEach(outbound::header);
                    return request.body().length == 0
                            ? out
                            : out.send(Mono.just(Unpooled.wrappedBuffer(request.body())));
                })
                .responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(EMPTY)
                        .map(ignored -> LoadStats.classify(
                                response.status().code(),
                                response.responseHeaders().contains("Retry-After"))));
    }

    /** What a count-bounded run reports for each request: its latency, and its error type ("" when it succeeded). */
    @FunctionalInterface
    public interface Outcome {
        void accept(long nanos, String errorType);
    }

    /**
     * Closed model bounded by count, for the benchmarks: {@code users} VUs on the event loops send {@code requests}
     * requests in all, each VU its next right after the previous answer, timed on the event loop (no hand-off to a
     * blocking thread, which on a busy machine costs a scheduler wait per request). Blocks the caller until done or
     * {@code limit} has passed.
     */
    public void runCount(int users, long requests, Supplier<LoadRequest> next, Duration limit, Outcome outcome) {
        AtomicLong left = new AtomicLong(requests);
        long deadline = System.nanoTime() + limit.toNanos();
        Mono<Void> one = Mono.defer(() -> {
            if (left.getAndDecrement() <= 0 || System.nanoTime() >= deadline) {
                return Mono.empty();
            }
            long start = System.nanoTime();
            return send(next.get())
                    .onErrorResume(error -> Mono.just(LoadStats.classify(error)))
                    .doOnNext(error -> outcome.accept(System.nanoTime() - start, error))
                    .then();
        });
        int vus = Math.max(1, users);
        Flux.range(0, vus)
                .flatMap(user -> one.repeat(() -> left.get() > 0 && System.nanoTime() < deadline), vus)
                .blockLast(limit.plus(GRACE));
    }

    public LoadRecorder runClosed(StagePlan plan, OperationMix mix, Consumer<String> progress) {
        return runClosed(plan, mix, Duration.ZERO, progress);
    }

    /**
     * Closed model with k6's {@code sleep(thinkTime)} after every request: with a think time each VU is a user, not
     * a busy loop, so N VUs offer about N / (think time + latency) requests per second.
     */
    public LoadRecorder runClosed(StagePlan plan, OperationMix mix, Duration thinkTime, Consumer<String> progress) {
        LoadRecorder recorder = new LoadRecorder();
        long start = System.nanoTime();
        long end = start + plan.totalDuration().toNanos();
        int peak = plan.maxUsers();
        Disposable users = Flux.range(0, peak)
                .flatMap(index -> virtualUser(index, plan, mix, thinkTime, recorder, start, end, peak), peak)
                .subscribe();
        try {
            controller(recorder, start, end, () -> plan.usersAt(Duration.ofNanos(System.nanoTime() - start)), progress);
            waitUntil(users::isDisposed, GRACE);
        } finally {
            users.dispose();
        }
        return recorder;
    }

    private Mono<Void> virtualUser(
            int index,
            StagePlan plan,
            OperationMix mix,
            Duration thinkTime,
            LoadRecorder recorder,
            long start,
            long end,
            int peak) {
        Mono<Void> iteration = Mono.defer(() -> {
            long now = System.nanoTime();
            int target = plan.usersAt(Duration.ofNanos(now - start));
            if (index >= target) {
                // not this VU's turn (ramp-up) or ramped down: idle briefly; `end` still bounds the loop
                return Mono.delay(Duration.ofNanos(IDLE_NANOS)).then();
            }
            LoadOperation operation = mix.next();
            Mono<Void> request = send(operation.request().get())
                    .doOnNext(error ->
                            recorder.record(operation, micros(now), error.isEmpty() ? null : error, target >= peak))
                    .onErrorResume(error -> {
                        recorder.record(operation, micros(now), LoadStats.classify(error), target >= peak);
                        return Mono.empty();
                    })
                    .then();
            return thinkTime.isZero()
                    ? request
                    : request.then(Mono.delay(thinkTime)).then();
        });
        return iteration.repeat(() -> System.nanoTime() < end).then();
    }

    /** Open model: {@code rate} requests per second for {@code duration}, whatever the server does. */
    public LoadRecorder runOpen(int rate, Duration duration, OperationMix mix, Consumer<String> progress) {
        if (rate < 1) {
            throw new IllegalArgumentException("arrival rate must be >= 1/s");
        }
        LoadRecorder recorder = new LoadRecorder();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicInteger active = new AtomicInteger();
        Thread dispatcher = new Thread(
                () -> {
                    for (long i = 0; ; i++) {
                        long intended = start + i * intervalNanos;
                        if (intended >= end) {
                            return;
                        }
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (!inFlight.tryAcquire()) {
                            // the client itself is saturated: counted as an error, timed from the intended start
                            recorder.backlog(micros(intended));
                            continue;
                        }
                        LoadOperation operation = mix.next();
                        recorder.dispatchLag(micros(intended));
                        active.incrementAndGet();
                        send(operation.request().get())
                                .doFinally(signal -> {
                                    active.decrementAndGet();
                                    inFlight.release();
                                })
                                .subscribe(
                                        status -> recorder.record(
                                                operation, micros(intended), status.isEmpty() ? null : status, true),
                                        error -> recorder.record(
                                                operation, micros(intended), LoadStats.classify(error), true));
                    }
                },
                "open-model-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
        controller(recorder, start, end, active::get, progress);
        waitUntil(() -> !dispatcher.isAlive() && inFlight.availablePermits() == MAX_IN_FLIGHT, GRACE);
        return recorder;
    }

    private static void controller(
            LoadRecorder recorder, long start, long end, IntSupplier users, Consumer<String> progress) {
        for (int second = 0; ; second++) {
            long next = start + TimeUnit.SECONDS.toNanos(second + 1);
            long now = System.nanoTime();
            if (next >= end) {
                LockSupport.parkNanos(Math.max(0, end - now));
                recorder.tick(second, users.getAsInt());
                return;
            }
            LockSupport.parkNanos(Math.max(0, next - now));
            var point = recorder.tick(second, users.getAsInt());
            if (second % 5 == 4) {
                progress.accept(String.format(
                        Locale.ROOT,
                        "  t=%3ds  vus=%3d  req/s=%6d  p95=%8.2f ms  errors=%d",
                        second + 1,
                        point.activeUsers(),
                        point.requests(),
                        point.latencyP95Ms(),
                        point.errors()));
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static long micros(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1_000;
    }

    /** Convenience for a one-URL GET mix (the {@code load} command). */
    public static OperationMix get(String name, java.net.URI uri) {
        return new OperationMix(List.of(new LoadOperation("", name, 1, () -> LoadRequest.get(uri))));
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }
}
