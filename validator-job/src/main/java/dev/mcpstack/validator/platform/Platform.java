package dev.mcpstack.validator.platform;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ServerId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the stack under validation runs. The suites only talk to this seam, so the same checks run against local
 * child processes ({@link LocalPlatform}) and, later, against pods found by the chart's labels.
 */
public interface Platform extends AutoCloseable {

    /** {@code local} or {@code kubernetes}: recorded in each result's environment. */
    String target();

    /** Brings the stack up (or finds it) and returns when both services are ready. */
    void start(Consumer<String> progress);

    URI baseUrl(ServerId server);

    /** Kills one instance abruptly (SIGKILL / pod delete); the supervisor or ReplicaSet brings a new one. */
    void killInstance(ServerId server);

    /**
     * How {@link #killInstance} is reported: {@code process_kill} for child processes, {@code pod_kill} for pods.
     */
    default FaultKind killFault() {
        throw new UnsupportedOperationException("killing an instance is not implemented for --target " + target());
    }

    /** Waits until the service answers its readiness probe, or throws after {@code timeout}. */
    void awaitReady(ServerId server, Duration timeout);

    /** How many times the service's instances were replaced since {@link #start}. */
    int restarts(ServerId server);

    /**
     * Stops one instance gracefully (SIGTERM / pod delete with its grace period); the supervisor or ReplicaSet
     * replaces it like a killed one.
     */
    default void stopInstanceGracefully(ServerId server) {
        throw new UnsupportedOperationException("graceful stop is not implemented for --target " + target());
    }

    /** Takes the whole service away (local: stop its process without restart; kubernetes: scale to 0). */
    default void stopService(ServerId server) {
        throw new UnsupportedOperationException("stopping a service is not implemented for --target " + target());
    }

    /** Brings back a service taken away by {@link #stopService} and returns when it is ready. */
    default void startService(ServerId server, Duration timeout) {
        throw new UnsupportedOperationException("starting a service is not implemented for --target " + target());
    }

    /** Why database faults cannot run on this platform (an external database, say), or empty when they can. */
    default Optional<String> databaseFaultRefusal() {
        return Optional.empty();
    }

    void stopDatabase();

    void startDatabase();

    /** CPU seconds the service's processes used so far, where the platform can tell (the report's environment). */
    default Optional<Double> cpuSeconds(ServerId server) {
        return Optional.empty();
    }

    /** The service's stdout lines captured so far (the log check reads them). */
    List<String> logLines(ServerId server);

    /** Stops what {@link #start} started; safe to call twice and from a shutdown hook. */
    @Override
    void close();
}
