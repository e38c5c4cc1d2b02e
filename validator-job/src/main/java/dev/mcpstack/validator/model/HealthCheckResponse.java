package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What {@code GET /health} answers (SPEC §5, seed 000 §4); parsing it is the schema check. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthCheckResponse(
        String status,
        Instant timestamp,
        String databaseStatus,
        ConnectionPoolStats connectionPool,
        double uptimeSeconds,
        @Nullable Map<String, Object> details) {

    public HealthCheckResponse {
        Checks.require(
                List.of("healthy", "degraded", "unhealthy").contains(status),
                "status must be healthy|degraded|unhealthy but was " + status);
        Checks.present(timestamp, "timestamp");
        Checks.require(
                List.of("connected", "disconnected", "degraded").contains(databaseStatus),
                "database_status must be connected|disconnected|degraded but was " + databaseStatus);
        Checks.present(connectionPool, "connection_pool");
        Checks.nonNegative(uptimeSeconds, "uptime_seconds");
    }

    /**
     * Pool figures. The seed's {@code min_size <= size} is not enforced: an R2DBC pool warms up lazily, so a fresh
     * service legitimately reports fewer connections than its minimum.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConnectionPoolStats(int size, int minSize, int maxSize, int free, double utilizationPercent) {
        public ConnectionPoolStats {
            Checks.require(size >= 0 && minSize >= 0 && free >= 0, "pool sizes must be >= 0");
            Checks.require(maxSize >= 1, "max_size must be >= 1 but was " + maxSize);
            Checks.ordered("pool", minSize, "min_size", maxSize, "max_size");
            Checks.ordered("pool", size, "size", maxSize, "max_size");
            Checks.ordered("pool", free, "free", size, "size");
            Checks.require(
                    utilizationPercent >= 0 && utilizationPercent <= 100,
                    "utilization_percent must be within 0..100 but was " + utilizationPercent);
        }
    }
}
