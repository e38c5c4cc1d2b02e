package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.ServerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The load under a fault: a few caller threads per lane, each sending its lane's request, recording the outcome on
 * the timeline of its service, pausing {@code think} and going again until closed (bounded by {@code limit}). The
 * load engine's request loop does not hand back bodies, and the ledger needs every acknowledged id: hence these
 * plain threads on the shared JDK client.
 */
final class Traffic implements AutoCloseable {

    /** {@code threads} callers each repeating {@code call}. */
    record Lane(String name, int threads, Supplier<Outcome> call) {}

    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<ServerId, Timeline> timelines = new EnumMap<>(ServerId.class);
    private final List<Thread> threads = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;

    Traffic(List<Lane> lanes, Duration think, Duration limit) {
        for (ServerId server : ServerId.values()) {
            timelines.put(server, new Timeline(startNanos));
        }
        long deadline = startNanos + limit.toNanos();
        for (Lane lane : lanes) {
            for (int i = 0; i < lane.threads(); i++) {
                Thread thread = new Thread(() -> loop(lane, think, deadline), "resilience-" + lane.name() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
        }
        threads.forEach(Thread::start);
    }

    private void loop(Lane lane, Duration think, long deadline) {
        while (running && System.nanoTime() < deadline) {
            record(lane.call().get());
            LockSupport.parkNanos(think.toNanos());
        }
    }

    /** Also used for requests sent outside the lanes (bursts, probes), so they show on the timeline. */
    void record(Outcome outcome) {
        outcomes.add(outcome);
        timelines.get(outcome.server()).record(outcome.endNanos(), outcome.errorType());
    }

    void mark(long atNanos, String kind, String label) {
        timelines.values().forEach(t -> t.mark(atNanos, kind, label));
    }

    Timeline timeline(ServerId server) {
        return timelines.get(server);
    }

    List<Outcome> outcomes(ServerId server) {
        return outcomes.stream().filter(o -> o.server() == server).toList();
    }

    /** True once {@code server} answered a request sent at or after {@code fromNanos} with a success. */
    boolean succeededSince(ServerId server, long fromNanos) {
        return outcomes.stream().anyMatch(o -> o.server() == server && o.succeeded() && o.startNanos() >= fromNanos);
    }

    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
