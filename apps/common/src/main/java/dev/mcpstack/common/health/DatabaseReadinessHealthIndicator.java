package dev.mcpstack.common.health;

import dev.mcpstack.common.database.DatabaseProbe;
import dev.mcpstack.common.database.DatabaseState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code mcpDatabase} health contributor, part of the readiness group (not liveness): a pod whose database is
 * away stops receiving traffic but is not restarted. Reads the background probe, never the database.
 */
@Component("mcpDatabaseHealthIndicator")
final class DatabaseReadinessHealthIndicator implements HealthIndicator {

    private final DatabaseProbe probe;

    DatabaseReadinessHealthIndicator(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        DatabaseState state = probe.state();
        Health.Builder health = state.reachable() ? Health.up() : Health.down();
        health.withDetail("since", state.since().toString());
        if (state.reachable()) {
            health.withDetail("probe_latency_ms", state.lastProbeLatency().toMillis());
        } else if (state.lastError() != null) {
            health.withDetail("error", state.lastError());
        }
        return health.build();
    }
}
