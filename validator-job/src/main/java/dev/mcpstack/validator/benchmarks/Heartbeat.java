package dev.mcpstack.validator.benchmarks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A progress line every few seconds while one long call (indexing, populating) runs, so the terminal never looks hung. */
final class Heartbeat implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    Heartbeat(String label, Consumer<String> progress) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(
                () -> progress.accept(
                        "  ... " + label + ", " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s"),
                5,
                5,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
