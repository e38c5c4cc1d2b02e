package dev.mcpstack.common.logging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Log settings of mcp-common ({@code mcp.log.*}; defaults in mcp-common-defaults.properties).
 *
 * @param eventInterval the shortest time between two lines of the same rate-limited event
 */
@ConfigurationProperties("mcp.log")
public record LogProperties(Duration eventInterval) {}
