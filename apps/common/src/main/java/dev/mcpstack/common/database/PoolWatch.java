package dev.mcpstack.common.database;

import dev.mcpstack.common.logging.EventThrottle;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Reads r2dbc-pool's own {@link PoolMetrics} (no bookkeeping of ours) for {@code /health}, and logs
 * {@code connection_pool_high_utilization} and {@code connection_pool_exhausted} at most once per
 * {@code mcp.log.event-interval} each.
 */
@Component
public final class PoolWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PoolWatch.class);
    private static final long RECENT_TIMEOUT_NANOS = Duration.ofSeconds(2).toNanos();

    private final ObjectProvider<ConnectionFactory> connectionFactories;
    private final ObjectProvider<R2dbcProperties> r2dbcProperties;
    private final PoolProperties properties;
    private final ProbeProperties probeProperties;
    private final EventThrottle throttle;
    private volatile long lastAcquireTimeoutNanos = System.nanoTime() - 2 * RECENT_TIMEOUT_NANOS;
    private volatile @Nullable Disposable loop;
    private volatile @Nullable Optional<ConnectionPool> pool;
    private volatile int minSize = -1;

    PoolWatch(
            ObjectProvider<ConnectionFactory> connectionFactories,
            ObjectProvider<R2dbcProperties> r2dbcProperties,
            PoolProperties properties,
            ProbeProperties probeProperties,
            EventThrottle throttle) {
        this.connectionFactories = connectionFactories;
        this.r2dbcProperties = r2dbcProperties;
        this.properties = properties;
        this.probeProperties = probeProperties;
        this.throttle = throttle;
    }

    /** Current pool numbers; cheap (reads counters), never touches the database. */
    public PoolSnapshot snapshot() {
        Optional<PoolMetrics> metrics = pool().flatMap(ConnectionPool::getMetrics);
        if (metrics.isEmpty()) {
            return PoolSnapshot.NONE;
        }
        PoolMetrics m = metrics.get();
        int max = m.getMaxAllocatedSize();
        boolean recentTimeout = System.nanoTime() - lastAcquireTimeoutNanos < RECENT_TIMEOUT_NANOS;
        boolean exhausted = m.acquiredSize() >= max && (m.pendingAcquireSize() > 0 || recentTimeout);
        return new PoolSnapshot(
                m.allocatedSize(), minSize(), max, m.idleSize(), m.acquiredSize(), m.pendingAcquireSize(), exhausted);
    }

    /**
     * Every connection is in use and {@code mcp.database.pool.max-pending} requests already wait for one: a new
     * request would only wait out {@code max-acquire-time} behind them. Cheap (reads counters).
     */
    boolean queueFull() {
        Optional<PoolMetrics> metrics = pool().flatMap(ConnectionPool::getMetrics);
        if (metrics.isEmpty()) {
            return false;
        }
        PoolMetrics m = metrics.get();
        return m.acquiredSize() >= m.getMaxAllocatedSize() && m.pendingAcquireSize() >= properties.maxPending();
    }

    public int highUtilizationPercent() {
        return properties.highUtilizationPercent();
    }

    /** Called when a request gave up waiting for a connection ({@code spring.r2dbc.pool.max-acquire-time}). */
    void acquireTimedOut() {
        lastAcquireTimeoutNanos = System.nanoTime();
        logExhausted(snapshot(), true);
    }

    /** Resolved once: /health reads it on every call and must stay cheap. */
    private Optional<ConnectionPool> pool() {
        Optional<ConnectionPool> found = pool;
        if (found == null) {
            found = Optional.ofNullable(PoolAccess.pool(connectionFactories.getIfAvailable()));
            pool = found;
        }
        return found;
    }

    private int minSize() {
        int found = minSize;
        if (found < 0) {
            R2dbcProperties r2dbc = r2dbcProperties.getIfAvailable();
            R2dbcProperties.Pool config = r2dbc == null ? null : r2dbc.getPool();
            found = config == null ? 0 : config.getMinIdle() > 0 ? config.getMinIdle() : config.getInitialSize();
            minSize = found;
        }
        return found;
    }

    private void check() {
        PoolSnapshot pool = snapshot();
        if (pool.maxSize() == 0) {
            return;
        }
        if (pool.exhausted()) {
            logExhausted(pool, false);
        } else if (pool.utilizationPercent() > properties.highUtilizationPercent()) {
            long suppressed = throttle.tryAcquire("connection_pool_high_utilization");
            if (suppressed >= 0) {
                log.atWarn()
                        .addKeyValue("event", "connection_pool_high_utilization")
                        .addKeyValue("utilization_percent", pool.utilizationPercent())
                        .addKeyValue("acquired", pool.acquired())
                        .addKeyValue("max_size", pool.maxSize())
                        .addKeyValue("pending", pool.pending())
                        .addKeyValue("suppressed", suppressed)
                        .log("Connection pool {} % in use", pool.utilizationPercent());
            }
        }
    }

    private void logExhausted(PoolSnapshot pool, boolean acquireTimeout) {
        long suppressed = throttle.tryAcquire("connection_pool_exhausted");
        if (suppressed >= 0) {
            log.atError()
                    .addKeyValue("event", "connection_pool_exhausted")
                    .addKeyValue("acquired", pool.acquired())
                    .addKeyValue("max_size", pool.maxSize())
                    .addKeyValue("pending", pool.pending())
                    .addKeyValue("acquire_timeout", acquireTimeout)
                    .addKeyValue("suppressed", suppressed)
                    .log("Connection pool exhausted: requests get 503 with Retry-After");
        }
    }

    @Override
    public void start() {
        loop = Flux.interval(probeProperties.interval(), probeProperties.interval())
                .onBackpressureDrop()
                .subscribe(tick -> check());
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
