package dev.mcpstack.codebase;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Opens the pool's initial connections before the first request: with a 250 ms acquire limit, the first requests
 * would otherwise fail while connections are still being created. Runs once at start-up, not on a request path.
 */
@Component
class PoolWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PoolWarmup.class);

    private final ConnectionFactory connectionFactory;

    PoolWarmup(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    public void run(ApplicationArguments args) {
        Object current = connectionFactory;
        while (!(current instanceof ConnectionPool) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof ConnectionPool pool) {
            try {
                Integer opened = pool.warmup().block(Duration.ofSeconds(10));
                log.debug("Connection pool warmed up with {} connections", opened);
            } catch (RuntimeException e) {
                // the database may be down at start-up; the service still starts and reports it in /health
                log.warn("Could not warm up the connection pool: {}", e.getMessage());
            }
        }
    }
}
