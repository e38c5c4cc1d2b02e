package dev.mcpstack.common.database;

import dev.mcpstack.common.logging.EventThrottle;
import dev.mcpstack.common.problem.ApiProblem;
import io.r2dbc.pool.ConnectionPoolException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;

/**
 * Recognises "the database is not available right now" failures (no connection free within
 * {@code spring.r2dbc.pool.max-acquire-time}, connection refused or cut) so they become 503 with
 * {@code Retry-After} instead of 500 or a hang.
 */
@Component
public final class DatabaseFailures {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFailures.class);

    private final DatabaseProbe probe;
    private final PoolWatch poolWatch;
    private final ProbeProperties probeProperties;
    private final PoolProperties poolProperties;
    private final EventThrottle throttle;

    DatabaseFailures(
            DatabaseProbe probe,
            PoolWatch poolWatch,
            ProbeProperties probeProperties,
            PoolProperties poolProperties,
            EventThrottle throttle) {
        this.throttle = throttle;
        this.probe = probe;
        this.poolWatch = poolWatch;
        this.probeProperties = probeProperties;
        this.poolProperties = poolProperties;
    }

    /** A 503 problem for a database availability failure, or null when the failure is something else. */
    public @Nullable ApiProblem classify(Throwable error) {
        boolean resource = false;
        boolean timeout = false;
        boolean acquireTimeout = false;
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof PoolAcquireTimeoutException
                    || current instanceof PoolAcquirePendingLimitException
                    || (current instanceof R2dbcTimeoutException
                            && String.valueOf(current.getMessage()).contains("acquisition"))) {
                acquireTimeout = true;
            } else if (current instanceof TimeoutException
                    || current instanceof R2dbcTimeoutException
                    || current instanceof QueryTimeoutException) {
                timeout = true;
            }
            if (current instanceof DataAccessResourceFailureException
                    || current instanceof TransientDataAccessResourceException
                    || current instanceof R2dbcNonTransientResourceException
                    || current instanceof R2dbcTransientResourceException
                    || current instanceof ConnectionPoolException
                    || current instanceof ConnectException) {
                resource = true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        if (!resource && !timeout && !acquireTimeout) {
            return null;
        }
        // r2dbc-pool reports "Connection acquisition timed out" when no connection was free within
        // spring.r2dbc.pool.max-acquire-time; with the database reachable that is pool exhaustion.
        if (acquireTimeout && probe.isReachable()) {
            poolWatch.acquireTimedOut();
            return poolExhausted();
        }
        if (timeout && !resource && probe.isReachable()) {
            return ApiProblem.serviceUnavailable(
                    "database-timeout",
                    "The database did not answer in time; retry after the indicated delay",
                    poolProperties.retryAfter());
        }
        long suppressed = throttle.tryAcquire("database_request_failed");
        if (suppressed >= 0) {
            log.atWarn()
                    .addKeyValue("event", "database_request_failed")
                    .addKeyValue("error", chain(error))
                    .addKeyValue("database_reachable", probe.isReachable())
                    .addKeyValue("suppressed", suppressed)
                    .log("A request failed for lack of a database connection: answered 503 with Retry-After");
        }
        return databaseUnavailable();
    }

    private static String chain(Throwable error) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable current = error; current != null && depth < 5; current = current.getCause(), depth++) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage());
        }
        return text.toString();
    }

    public ApiProblem databaseUnavailable() {
        return ApiProblem.serviceUnavailable(
                "database-unavailable",
                "The database is unreachable; the service reconnects by itself, retry after the indicated delay",
                probeProperties.retryAfter());
    }

    public ApiProblem poolExhausted() {
        return ApiProblem.serviceUnavailable(
                "pool-exhausted",
                "All database connections are busy; retry after the indicated delay",
                poolProperties.retryAfter());
    }
}
