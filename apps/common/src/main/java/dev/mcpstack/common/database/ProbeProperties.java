package dev.mcpstack.common.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The background database probe ({@code mcp.database.probe.*}; defaults in mcp-common-defaults.properties).
 *
 * @param interval time between two {@code SELECT 1} on the probe's own connection
 * @param timeout a probe query slower than this counts as a lost database
 * @param connectTimeout how long opening the probe's connection may take (only while reconnecting)
 * @param slowThreshold a probe slower than this makes the service {@code degraded}
 * @param reconnectMinBackoff first wait between reconnect attempts (doubled each time, with jitter)
 * @param reconnectMaxBackoff the longest wait between reconnect attempts
 * @param reconnectJitter jitter factor (0..1) applied to each backoff
 * @param retryAfter the {@code Retry-After} sent with 503 while the database is unreachable
 */
@ConfigurationProperties("mcp.database.probe")
public record ProbeProperties(
        Duration interval,
        Duration timeout,
        Duration connectTimeout,
        Duration slowThreshold,
        Duration reconnectMinBackoff,
        Duration reconnectMaxBackoff,
        double reconnectJitter,
        Duration retryAfter) {}
