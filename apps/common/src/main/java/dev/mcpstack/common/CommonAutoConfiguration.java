package dev.mcpstack.common;

import dev.mcpstack.common.database.PoolProperties;
import dev.mcpstack.common.database.ProbeProperties;
import dev.mcpstack.common.database.SlowQueryProperties;
import dev.mcpstack.common.logging.LogProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * Brings the shared pieces into any application that has this module on its class path: health, metrics, JSON
 * logs, the database probe, fail-fast 503s and problem details. Defaults come from mcp-common-defaults.properties.
 */
@AutoConfiguration
@ComponentScan(basePackages = "dev.mcpstack.common")
@EnableConfigurationProperties({
    ProbeProperties.class,
    PoolProperties.class,
    SlowQueryProperties.class,
    LogProperties.class
})
public class CommonAutoConfiguration {}
