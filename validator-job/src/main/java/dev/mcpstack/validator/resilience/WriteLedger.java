package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.ServerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The caller's record of acknowledged writes: every write answered 2xx is added with its id, and after a fault every
 * write not yet verified is read back. A write that cannot be found is lost; so is one whose read-back keeps failing
 * (a write the caller cannot prove is there is not counted as kept).
 */
final class WriteLedger {

    /** One acknowledged write: the service, what was written, its id and where to look for it (project, name). */
    record Write(ServerId server, String kind, String id, String scope) {}

    enum Presence {
        FOUND,
        MISSING,
        UNKNOWN
    }

    /** How a write is looked up; UNKNOWN when the service did not answer the read-back (retried). */
    @FunctionalInterface
    interface ReadBack {
        Presence check(Write write);
    }

    private final List<Write> acknowledged = new ArrayList<>();
    private final List<Write> lost = new ArrayList<>();
    private final List<Write> unanswered = new ArrayList<>();
    private int verified;

    synchronized void acknowledge(Write write) {
        acknowledged.add(write);
    }

    /** A random acknowledged write of {@code server}, for readers; null before the first one. */
    synchronized @Nullable Write any(ServerId server) {
        List<Write> own =
                acknowledged.stream().filter(w -> w.server() == server).toList();
        return own.isEmpty() ? null : own.get(ThreadLocalRandom.current().nextInt(own.size()));
    }

    /**
     * Reads back every write acknowledged since the last verification, {@code parallelism} at a time (a check
     * acknowledges hundreds); each UNKNOWN is retried up to {@code attempts} times, {@code pause} apart. Returns the
     * writes found lost by this verification.
     */
    List<Write> verifyPending(ReadBack readBack, int attempts, Duration pause, int parallelism) {
        List<Write> batch;
        synchronized (this) {
            batch = List.copyOf(acknowledged.subList(verified, acknowledged.size()));
            verified = acknowledged.size();
        }
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, parallelism), daemon());
        try {
            List<Future<Presence>> found = new ArrayList<>();
            for (Write write : batch) {
                found.add(readers.submit(() -> readBack(readBack, write, attempts, pause)));
            }
            List<Write> newlyLost = new ArrayList<>();
            List<Write> newlyUnanswered = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Presence presence = join(found.get(i));
                if (presence != Presence.FOUND) {
                    newlyLost.add(batch.get(i));
                }
                if (presence == Presence.UNKNOWN) {
                    newlyUnanswered.add(batch.get(i));
                }
            }
            synchronized (this) {
                lost.addAll(newlyLost);
                unanswered.addAll(newlyUnanswered);
            }
            return newlyLost;
        } finally {
            readers.shutdownNow();
        }
    }

    private static Presence readBack(ReadBack readBack, Write write, int attempts, Duration pause) {
        Presence presence = readBack.check(write);
        for (int attempt = 1; presence == Presence.UNKNOWN && attempt < attempts; attempt++) {
            LockSupport.parkNanos(pause.toNanos());
            presence = readBack.check(write);
        }
        return presence;
    }

    private static Presence join(Future<Presence> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // a read-back that blew up did not prove the write is there
            return Presence.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Presence.UNKNOWN;
        }
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "ledger-read-back");
            thread.setDaemon(true);
            return thread;
        };
    }

    synchronized long acknowledged(ServerId server) {
        return acknowledged.stream().filter(w -> w.server() == server).count();
    }

    synchronized long lost(ServerId server) {
        return lost.stream().filter(w -> w.server() == server).count();
    }

    synchronized List<Write> lostWrites() {
        return List.copyOf(lost);
    }

    /** The lost writes whose read-back never got an answer (as opposed to an answer saying they are gone). */
    synchronized List<Write> unanswered() {
        return List.copyOf(unanswered);
    }

    synchronized List<Write> all() {
        return List.copyOf(acknowledged);
    }
}
