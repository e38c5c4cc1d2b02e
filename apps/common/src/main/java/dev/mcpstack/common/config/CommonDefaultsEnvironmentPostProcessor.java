package dev.mcpstack.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Gives every service the shared operational defaults (JSON logs, actuator probes, metrics tags and histograms,
 * body size cap, pool timeouts, graceful shutdown) as the lowest-precedence property source, so a service needs no
 * code and can still override any key in its own yaml or with an environment variable.
 */
class CommonDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "mcpCommonDefaults";
    private static final String RESOURCE = "mcp-common-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(PROPERTY_SOURCE, new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("mcp-common is missing " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
