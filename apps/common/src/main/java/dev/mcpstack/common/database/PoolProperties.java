package dev.mcpstack.common.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the connection pool is watched ({@code mcp.database.pool.*}); the pool itself is {@code spring.r2dbc.pool.*}.
 *
 * @param highUtilizationPercent above this share of {@code max-size} in use the service is {@code degraded}
 * @param retryAfter the {@code Retry-After} sent with 503 when no connection was free in time
 */
@ConfigurationProperties("mcp.database.pool")
public record PoolProperties(int highUtilizationPercent, Duration retryAfter) {}
