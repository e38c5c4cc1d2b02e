package dev.mcpstack.common.config;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The service's identity, derived once from {@code spring.application.name}: {@code codebase-mcp} has the metric
 * prefix {@code codebase_mcp}, so a service gets its own metric names without any code.
 */
@Component
public final class ServiceName {

    private final String name;
    private final String metricPrefix;

    @Autowired
    public ServiceName(Environment environment) {
        this(environment.getProperty("spring.application.name", "mcp"));
    }

    ServiceName(String name) {
        this.name = name;
        this.metricPrefix = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    public String name() {
        return name;
    }

    /** {@code codebase_mcp} for {@code codebase-mcp}: the first segment of every service-specific metric name. */
    public String metricPrefix() {
        return metricPrefix;
    }
}
