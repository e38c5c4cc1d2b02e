package dev.mcpstack.common.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The body of {@code GET /health} (SPEC §5, the seed's HealthCheckResponse). */
public record HealthCheckResponse(
        String status,
        Instant timestamp,
        @JsonProperty("database_status") String databaseStatus,
        @JsonProperty("connection_pool") ConnectionPoolStats connectionPool,
        @JsonProperty("uptime_seconds") double uptimeSeconds,
        @Nullable Map<String, String> details) {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String UNHEALTHY = "unhealthy";

    /** Pool numbers; {@code utilization_percent} is connections in use over {@code max_size}. */
    public record ConnectionPoolStats(
            int size,
            @JsonProperty("min_size") int minSize,
            @JsonProperty("max_size") int maxSize,
            int free,
            @JsonProperty("utilization_percent") double utilizationPercent) {}
}
