package dev.mcpstack.common.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Finds the r2dbc-pool {@link ConnectionPool} behind the application's ConnectionFactory (proxies wrap it). */
public final class PoolAccess {

    private PoolAccess() {}

    public static @Nullable ConnectionPool pool(@Nullable ConnectionFactory factory) {
        Object current = factory;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof ConnectionPool pool) {
                return pool;
            }
            current = current instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
        }
        return null;
    }

    public static Optional<PoolMetrics> metrics(@Nullable ConnectionFactory factory) {
        ConnectionPool pool = pool(factory);
        return pool == null ? Optional.empty() : pool.getMetrics();
    }

    /** The driver's own factory under the pool: connections from it never wait for, or count against, the pool. */
    static @Nullable ConnectionFactory unpooled(@Nullable ConnectionFactory factory) {
        ConnectionPool pool = pool(factory);
        return pool != null ? pool.unwrap() : factory;
    }
}
