package dev.mcpstack.common.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the connection pool is watched ({@code mcp.database.pool.*}); the pool itself is {@code spring.r2dbc.pool.*}.
 *
 * @param highUtilizationPercent above this share of {@code max-size} in use the service is {@code degraded}
 * @param retryAfter the {@code Retry-After} sent with 503 when no connection was free in time
 * @param maxPending requests allowed to wait for a connection when all are in use; the next API request is answered
 *     503 at once instead of queueing (bounded queueing: under a burst, waits that time out finish late)
 */
@ConfigurationProperties("mcp.database.pool")
public record PoolProperties(int highUtilizationPercent, Duration retryAfter, int maxPending) {}
