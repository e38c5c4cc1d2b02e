package dev.mcpstack.validator.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Drives load like k6: a closed model (staged virtual users, each sending its next request when the previous one
 * answered) and an open model (constant arrival rate, latency measured from each request's intended start so a slow
 * server cannot hide its queueing: no coordinated omission). Every loop is bounded by the plan's duration plus a
 * grace period for requests in flight.
 */
public final class LoadEngine {

    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final int MAX_IN_FLIGHT = 2_000;

    private final HttpClient client;

    public LoadEngine(HttpClient client) {
        this.client = client;
    }

    public LoadRecorder runClosed(StagePlan plan, OperationMix mix, Consumer<String> progress) {
        LoadRecorder stats = new LoadRecorder();
        long start = System.nanoTime();
        long end = start + plan.totalDuration().toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> users = new ArrayList<>();
        for (int i = 0; i < plan.maxUsers(); i++) {
            int index = i;
            Thread user = new Thread(() -> virtualUser(index, plan, mix, stats, start, end, stop), "vu-" + i);
            user.setDaemon(true);
            users.add(user);
            user.start();
        }
        try {
            controller(stats, start, end, () -> plan.usersAt(Duration.ofNanos(System.nanoTime() - start)), progress);
        } finally {
            stop.set(true);
            join(users, GRACE);
        }
        return stats;
    }

    private void virtualUser(
            int index, StagePlan plan, OperationMix mix, LoadRecorder stats, long start, long end, AtomicBoolean stop) {
        int peak = plan.maxUsers();
        while (!stop.get()) {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            int target = plan.usersAt(Duration.ofNanos(now - start));
            if (index >= target) {
                // not this VU's turn yet (ramp-up) or already ramped down: idle briefly, stay bounded by `end`
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                continue;
            }
            LoadOperation operation = mix.next();
            long sent = System.nanoTime();
            try {
                HttpResponse<Void> response =
                        client.send(operation.request().get(), HttpResponse.BodyHandlers.discarding());
                stats.record(operation, micros(sent), LoadStats.classify(response.statusCode()), target >= peak);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                stats.record(operation, micros(sent), LoadStats.classify(e), target >= peak);
            }
        }
    }

    /** Open model: {@code rate} requests per second for {@code duration}, whatever the server does. */
    public LoadRecorder runOpen(int rate, Duration duration, OperationMix mix, Consumer<String> progress) {
        if (rate < 1) {
            throw new IllegalArgumentException("arrival rate must be >= 1/s");
        }
        LoadRecorder stats = new LoadRecorder();
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
                            // the client itself is saturated: count it, measured from the intended start
                            stats.backlog(micros(intended));
                            continue;
                        }
                        LoadOperation operation = mix.next();
                        active.incrementAndGet();
                        CompletableFuture<HttpResponse<Void>> call;
                        try {
                            call = client.sendAsync(operation.request().get(), HttpResponse.BodyHandlers.discarding());
                        } catch (RuntimeException e) {
                            call = CompletableFuture.failedFuture(e);
                        }
                        call.whenComplete((response, error) -> {
                            stats.record(
                                    operation,
                                    micros(intended),
                                    error == null
                                            ? LoadStats.classify(response.statusCode())
                                            : LoadStats.classify(error),
                                    true);
                            active.decrementAndGet();
                            inFlight.release();
                        });
                    }
                },
                "open-model-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
        controller(stats, start, end, active::get, progress);
        join(List.of(dispatcher), GRACE);
        try {
            // let requests in flight finish (bounded), so the totals include them
            inFlight.tryAcquire(MAX_IN_FLIGHT, GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stats;
    }

    private static void controller(
            LoadRecorder stats, long start, long end, java.util.function.IntSupplier users, Consumer<String> progress) {
        int second = 0;
        while (true) {
            long next = start + TimeUnit.SECONDS.toNanos(second + 1);
            long now = System.nanoTime();
            if (next > end) {
                LockSupport.parkNanos(Math.max(0, end - now));
                stats.tick(second, users.getAsInt());
                return;
            }
            LockSupport.parkNanos(Math.max(0, next - now));
            var point = stats.tick(second, users.getAsInt());
            if (second % 5 == 4) {
                progress.accept(String.format(
                        java.util.Locale.ROOT,
                        "  t=%3ds  vus=%3d  req/s=%6d  p95=%8.2f ms  errors=%d",
                        second + 1,
                        point.activeUsers(),
                        point.requests(),
                        point.latencyP95Ms(),
                        point.errors()));
            }
            second++;
        }
    }

    private static long micros(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1_000;
    }

    private static void join(List<Thread> threads, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Convenience for a one-URL GET mix (the {@code load} command). */
    public static OperationMix get(String name, java.net.URI uri, Duration timeout) {
        return new OperationMix(List.of(new LoadOperation(
                "",
                name,
                1,
                () -> HttpRequest.newBuilder(uri).timeout(timeout).GET().build())));
    }
}
