package dev.mcpstack.common.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Opens the pool's initial connections before the service reports itself ready: with a 250 ms acquire limit, the
 * first requests would otherwise get 503s while connections are still being created. Runs once at start-up (before
 * readiness turns to ACCEPTING_TRAFFIC), never on a request path, so blocking here is fine.
 */
@Component
class PoolWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PoolWarmup.class);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ConnectionFactory connectionFactory;

    PoolWarmup(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    public void run(ApplicationArguments args) {
        ConnectionPool pool = PoolAccess.pool(connectionFactory);
        if (pool == null) {
            return;
        }
        try {
            Integer opened = pool.warmup().block(LIMIT);
            log.debug("Connection pool warmed up with {} connections", opened);
        } catch (RuntimeException e) {
            // the database may be down at start-up: the service still starts, and /health and readiness say so
            log.atWarn()
                    .addKeyValue("event", "connection_pool_warmup_failed")
                    .log("Could not open the pool's initial connections: {}", e.getMessage());
        }
    }
}
