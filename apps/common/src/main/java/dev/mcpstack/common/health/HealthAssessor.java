package dev.mcpstack.common.health;

import dev.mcpstack.common.database.DatabaseProbe;
import dev.mcpstack.common.database.DatabaseState;
import dev.mcpstack.common.database.PoolSnapshot;
import dev.mcpstack.common.database.PoolWatch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Decides the service's health from state kept fresh in the background (probe and pool counters), so answering
 * never waits on the database: unhealthy when the database is unreachable or the pool exhausted; degraded when
 * the last probe was slow or the pool is more than {@code mcp.database.pool.high-utilization-percent} in use.
 */
@Component
public final class HealthAssessor {

    private final DatabaseProbe probe;
    private final PoolWatch pool;
    private final long startedAtMillis;

    HealthAssessor(DatabaseProbe probe, PoolWatch pool, ApplicationContext context) {
        this.probe = probe;
        this.pool = pool;
        this.startedAtMillis = context.getStartupDate();
    }

    public HealthCheckResponse assess() {
        DatabaseState database = probe.state();
        PoolSnapshot connections = pool.snapshot();
        Map<String, String> details = new LinkedHashMap<>();
        String databaseStatus;
        if (!database.reachable()) {
            databaseStatus = "disconnected";
            details.put("database", "unreachable since " + database.since() + ": " + database.lastError());
        } else if (database.slow()) {
            databaseStatus = "degraded";
            details.put(
                    "database", "last probe took " + database.lastProbeLatency().toMillis() + " ms");
        } else {
            databaseStatus = "connected";
        }
        double utilization = connections.utilizationPercent();
        if (connections.exhausted()) {
            details.put(
                    "connection_pool",
                    "exhausted: " + connections.acquired() + " of " + connections.maxSize() + " in use, "
                            + connections.pending() + " waiting");
        } else if (utilization > pool.highUtilizationPercent()) {
            details.put("connection_pool", utilization + " % in use");
        }
        String status;
        if (!database.reachable() || connections.exhausted()) {
            status = HealthCheckResponse.UNHEALTHY;
        } else if (!details.isEmpty()) {
            status = HealthCheckResponse.DEGRADED;
        } else {
            status = HealthCheckResponse.HEALTHY;
        }
        double uptime = Math.round((System.currentTimeMillis() - startedAtMillis) / 10.0) / 100.0;
        return new HealthCheckResponse(
                status,
                Instant.now(),
                databaseStatus,
                new HealthCheckResponse.ConnectionPoolStats(
                        connections.size(),
                        connections.minSize(),
                        connections.maxSize(),
                        connections.free(),
                        utilization),
                uptime,
                details.isEmpty() ? null : details);
    }
}
