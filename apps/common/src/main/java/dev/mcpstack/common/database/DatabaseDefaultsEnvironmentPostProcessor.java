package dev.mcpstack.common.database;

import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before any bean exists: the configured R2DBC URL when there is one (Flyway then gets the
 * matching JDBC URL unless it has its own), otherwise the JVM's embedded PostgreSQL, announced in one log line.
 */
class DatabaseDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "mcpDatabaseDefaults";
    static final String EMBEDDED_ENABLED = "mcp.database.embedded.enabled";

    private final Log log;

    DatabaseDefaultsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseDefaultsEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
        if (r2dbcUrl != null && !r2dbcUrl.isBlank()) {
            if (!environment.containsProperty("spring.flyway.url")) {
                defaults.put("spring.flyway.url", jdbcUrlFor(r2dbcUrl));
                defaults.put("spring.flyway.user", environment.getProperty("spring.r2dbc.username", ""));
                defaults.put("spring.flyway.password", environment.getProperty("spring.r2dbc.password", ""));
            }
        } else if (environment.getProperty(EMBEDDED_ENABLED, Boolean.class, true)) {
            RestartablePostgres database = EmbeddedDatabase.shared();
            defaults.put("spring.r2dbc.url", database.r2dbcUrl());
            defaults.put("spring.r2dbc.username", RestartablePostgres.USER);
            defaults.put("spring.r2dbc.password", "");
            defaults.put("spring.flyway.url", database.jdbcUrl());
            defaults.put("spring.flyway.user", RestartablePostgres.USER);
            defaults.put("spring.flyway.password", "");
            log.info("SPRING_R2DBC_URL is not set: using the embedded PostgreSQL on 127.0.0.1:" + database.port()
                    + " (data in " + database.dataDirectory() + ", gone when the process ends)");
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
        }
    }

    /** r2dbc:postgresql://host:port/db?options and r2dbc:pool:postgresql://... become jdbc:postgresql://host:port/db. */
    static String jdbcUrlFor(String r2dbcUrl) {
        String withoutOptions = r2dbcUrl.contains("?") ? r2dbcUrl.substring(0, r2dbcUrl.indexOf('?')) : r2dbcUrl;
        return withoutOptions.replaceFirst("^r2dbcs?:(pool:)?", "jdbc:");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
