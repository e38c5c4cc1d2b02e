package dev.mcpstack.common.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a statement counts as slow ({@code mcp.database.slow-query.*}; defaults in mcp-common-defaults.properties).
 *
 * @param threshold statements taking longer are logged as {@code slow_query}
 */
@ConfigurationProperties("mcp.database.slow-query")
public record SlowQueryProperties(Duration threshold) {}
