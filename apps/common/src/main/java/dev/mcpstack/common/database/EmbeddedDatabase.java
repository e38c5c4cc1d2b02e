package dev.mcpstack.common.database;

import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;

/** The JVM-wide embedded PostgreSQL that services (and every Spring context of a test JVM) share by default. */
public final class EmbeddedDatabase {

    private static @Nullable RestartablePostgres shared;

    private EmbeddedDatabase() {}

    /** Started on first use and stopped when the JVM exits, after the Spring contexts. */
    public static synchronized RestartablePostgres shared() {
        if (shared == null) {
            try {
                RestartablePostgres database = new RestartablePostgres(Files.createTempDirectory("mcp-embedded-pg"));
                database.start();
                // Boot runs shutdown handlers after every application context has closed, so a graceful shutdown's
                // in-flight requests still have their database; a plain JVM hook would race them.
                SpringApplication.getShutdownHandlers().add(database::stop);
                shared = database;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a data directory for the embedded PostgreSQL", e);
            }
        }
        return shared;
    }
}
