package dev.mcpstack.common.database;

import dev.mcpstack.common.config.ServiceName;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps {@link DatabaseState} fresh with a {@code SELECT 1} every {@code mcp.database.probe.interval} on a connection
 * of its own (straight from the driver, outside the pool), so it still works when the pool is exhausted and sees a
 * lost database within one interval. While the database is away it reconnects with Reactor's exponential backoff and
 * jitter; requests meanwhile fail fast (see {@link DatabaseUnavailableFilter}).
 */
@Component
public final class DatabaseProbe implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    private final ProbeProperties properties;
    private final ObjectProvider<ConnectionFactory> connectionFactories;
    private final AtomicReference<DatabaseState> state = new AtomicReference<>(DatabaseState.unknown());
    private final AtomicReference<@Nullable Connection> connection = new AtomicReference<>();
    private volatile long lastSuccessNanos = System.nanoTime();
    private volatile long lastFailureNanos = System.nanoTime();
    private volatile long lostAtNanos;
    private volatile @Nullable Disposable loop;

    DatabaseProbe(
            ProbeProperties properties,
            ObjectProvider<ConnectionFactory> connectionFactories,
            MeterRegistry registry,
            ServiceName service) {
        this.properties = properties;
        this.connectionFactories = connectionFactories;
        Gauge.builder(
                        service.metricPrefix() + ".database.up",
                        state,
                        s -> s.get().reachable() ? 1 : 0)
                .description("1 while the background probe reaches the database, 0 during an outage")
                .register(registry);
    }

    /** The latest probe result; never blocks. */
    public DatabaseState state() {
        return state.get();
    }

    public boolean isReachable() {
        return state.get().reachable();
    }

    @Override
    public void start() {
        ConnectionFactory factory = PoolAccess.unpooled(connectionFactories.getIfAvailable());
        if (factory == null) {
            return;
        }
        loop = Flux.interval(Duration.ZERO, properties.interval())
                .onBackpressureDrop()
                .concatMap(
                        tick -> probe(factory)
                                // A timeout may be a stalled machine rather than a lost database: one more
                                // probe on the same connection decides. A refused or closed connection is final.
                                .onErrorResume(TimeoutException.class, timeout -> probe(factory))
                                .doOnNext(this::recordSuccess)
                                .onErrorResume(e -> recover(factory, e)),
                        0)
                .subscribe();
    }

    private Mono<Duration> recover(ConnectionFactory factory, Throwable error) {
        recordLoss(error);
        closeConnection();
        return probe(factory)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, properties.reconnectMinBackoff())
                        .maxBackoff(properties.reconnectMaxBackoff())
                        .jitter(properties.reconnectJitter())
                        .doAfterRetry(signal -> log.atInfo()
                                .addKeyValue("event", "database_reconnect_attempt")
                                .addKeyValue("attempt", signal.totalRetries() + 1)
                                .addKeyValue("backoff_ms", (System.nanoTime() - lastFailureNanos) / 1_000_000)
                                .addKeyValue("error", describe(signal.failure()))
                                .log("Reconnecting to the database")))
                .flatMap(latency -> evictBrokenPoolConnections().thenReturn(latency))
                .doOnNext(latency -> {
                    long downNanos = System.nanoTime() - lostAtNanos;
                    log.atInfo()
                            .addKeyValue("event", "database_reconnected")
                            .addKeyValue("downtime_seconds", seconds(downNanos))
                            .addKeyValue("probe_latency_ms", latency.toMillis())
                            .log("Database reachable again after {} s", seconds(downNanos));
                    recordSuccess(latency);
                });
    }

    /**
     * After an outage every idle pooled connection is dead. r2dbc-pool validates on acquire and discards broken
     * ones, but gives up after {@code acquire-retry} attempts; so before declaring the database back, every idle
     * connection is acquired once (concurrently, so each is visited) and released: the broken ones are evicted here
     * instead of failing the first requests.
     */
    private Mono<Void> evictBrokenPoolConnections() {
        ConnectionPool pool = PoolAccess.pool(connectionFactories.getIfAvailable());
        if (pool == null) {
            return Mono.empty();
        }
        int idle = pool.getMetrics().map(PoolMetrics::idleSize).orElse(0);
        return Flux.range(0, idle)
                .flatMap(i -> Mono.<Connection>from(pool.create()).onErrorResume(e -> Mono.empty()))
                .collectList()
                .flatMap(connections -> Flux.fromIterable(connections)
                        .flatMap(connection -> Mono.from(connection.close()).onErrorResume(e -> Mono.empty()))
                        .then())
                .timeout(properties.connectTimeout(), Mono.empty());
    }

    /**
     * One {@code SELECT 1} on the probe's connection, opening it first when needed (bounded by the connect timeout);
     * the query itself is bounded by the probe timeout. Emits the query's round-trip time.
     */
    private Mono<Duration> probe(ConnectionFactory factory) {
        return Mono.defer(() -> connection(factory)
                .timeout(properties.connectTimeout())
                .flatMap(c -> {
                    long start = System.nanoTime();
                    return Flux.from(c.createStatement("SELECT 1").execute())
                            .concatMap(result -> result.map((row, metadata) -> 1))
                            .then(Mono.fromSupplier(() -> Duration.ofNanos(System.nanoTime() - start)))
                            .timeout(properties.timeout());
                })
                .doOnError(e -> {
                    lastFailureNanos = System.nanoTime();
                    // A timed-out query leaves the connection usable for the confirming probe; any other error
                    // (closed, refused, protocol) means the connection is gone.
                    if (!(e instanceof TimeoutException)) {
                        closeConnection();
                    }
                }));
    }

    private Mono<Connection> connection(ConnectionFactory factory) {
        Connection current = connection.get();
        if (current != null) {
            return Mono.just(current);
        }
        return Mono.<Connection>from(factory.create()).doOnNext(created -> {
            if (!connection.compareAndSet(null, created)) {
                Mono.from(created.close()).subscribe(null, e -> {});
            }
        });
    }

    private void closeConnection() {
        Connection current = connection.getAndSet(null);
        if (current != null) {
            Mono.from(current.close()).subscribe(null, e -> {});
        }
    }

    private void recordSuccess(Duration latency) {
        lastSuccessNanos = System.nanoTime();
        DatabaseState previous = state.get();
        boolean slow = latency.compareTo(properties.slowThreshold()) > 0;
        Instant since = previous.reachable() ? previous.since() : Instant.now();
        state.set(new DatabaseState(true, latency, slow, since, null));
    }

    private void recordLoss(Throwable error) {
        lostAtNanos = System.nanoTime();
        double detection = seconds(lostAtNanos - lastSuccessNanos);
        state.set(new DatabaseState(false, Duration.ZERO, false, Instant.now(), describe(error)));
        log.atError()
                .addKeyValue("event", "database_connection_lost")
                .addKeyValue("detection_time_seconds", detection)
                .addKeyValue("error", describe(error))
                .log("Database unreachable (detected {} s after the last good probe)", detection);
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1_000_000.0) / 1000.0;
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
            loop = null;
        }
        closeConnection();
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
