package dev.mcpstack.validator.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM kept alive like a one-replica ReplicaSet: when it exits without being asked to, it is started again
 * with the same command, environment and port (bounded number of restarts, so a crash loop ends). stdout and stderr
 * are appended to files so the log check can read every line the service printed.
 */
final class SupervisedProcess {

    private static final Logger log = LoggerFactory.getLogger(SupervisedProcess.class);
    private static final int MAX_RESTARTS = 20;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path stdout;
    private final Path stderr;
    private final Consumer<String> progress;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean stopping;
    private volatile @Nullable Process process;
    /** CPU time last read of each instance, by pid: an instance's figure is gone once it has exited. */
    private final Map<Long, Long> cpuNanosByInstance = new ConcurrentHashMap<>();

    SupervisedProcess(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path logDirectory,
            Consumer<String> progress) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.stdout = logDirectory.resolve(name + ".log");
        this.stderr = logDirectory.resolve(name + ".stderr.log");
        this.progress = progress;
    }

    /** Starts the process, or does nothing while the current one is still running (one instance per port). */
    synchronized void start() {
        stopping = false;
        Process current = process;
        if (current == null || !current.isAlive()) {
            launch();
        }
    }

    private synchronized void launch() {
        if (stopping) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        builder.environment().putAll(environment);
        try {
            Process started = builder.start();
            process = started;
            started.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    private void exited(Process exited) {
        if (stopping || exited != process) {
            return;
        }
        int count = restarts.incrementAndGet();
        if (count > MAX_RESTARTS) {
            progress.accept(name + " exited (code " + exited.exitValue() + ") and was restarted " + MAX_RESTARTS
                    + " times already: giving up, see " + stdout);
            return;
        }
        progress.accept(name + " exited (code " + exited.exitValue() + "): restarting on the same port (restart #"
                + count + ")");
        try {
            // a short pause, as a ReplicaSet's backoff, so a crash loop does not spin
            Thread.sleep(Math.min(5_000, 200L * count));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            launch();
        } catch (RuntimeException e) {
            log.warn("restart of {} failed", name, e);
        }
    }

    /**
     * SIGKILL, like a pod killed by the node: the supervisor restarts it. Returns once the process is gone, so a
     * readiness probe right after cannot be answered by the dying instance.
     */
    void kill() {
        Process current = process;
        if (current != null) {
            readCpu(current);
            current.descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly();
            awaitExit(current, 10);
        }
    }

    /**
     * SIGTERM without stopping supervision, like a pod deleted with its grace period: the service shuts down
     * gracefully and the supervisor starts a new one. SIGKILL after {@code graceSeconds}. Returns once it exited.
     */
    void terminate(int graceSeconds) {
        Process current = process;
        if (current == null) {
            return;
        }
        readCpu(current);
        current.destroy();
        if (!awaitExit(current, graceSeconds)) {
            current.destroyForcibly();
            awaitExit(current, 10);
        }
    }

    private static boolean awaitExit(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /**
     * CPU seconds of every instance so far: the current one's as of now, each earlier one's as last read before it
     * was signalled (an instance that crashed by itself loses what it used since).
     */
    double cpuSeconds() {
        Process current = process;
        if (current != null) {
            readCpu(current);
        }
        return cpuNanosByInstance.values().stream().mapToLong(Long::longValue).sum() / 1e9;
    }

    private void readCpu(Process instance) {
        instance.info()
                .totalCpuDuration()
                .ifPresent(cpu -> cpuNanosByInstance.merge(instance.pid(), cpu.toNanos(), Math::max));
    }

    int restarts() {
        return restarts.get();
    }

    Path stdout() {
        return stdout;
    }

    Path stderr() {
        return stderr;
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after {@code graceSeconds}. */
    void stop(int graceSeconds) {
        stopping = true;
        Process current = process;
        if (current == null) {
            return;
        }
        readCpu(current);
        current.descendants().forEach(ProcessHandle::destroy);
        current.destroy();
        try {
            if (!current.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                current.destroyForcibly();
                current.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
