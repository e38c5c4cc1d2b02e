package dev.mcpstack.validator.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL from the zonky artifact for {@code --target local}. It keeps its port and data directory across
 * {@link #stop()} and {@link #start()} so a database outage can be staged and the data comes back with it.
 */
final class LocalDatabase {

    private final Path dataDirectory;
    private int port;
    private @Nullable EmbeddedPostgres postgres;

    LocalDatabase(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300");
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    synchronized void stop() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not stop", e);
            }
        }
    }

    int port() {
        return port;
    }

    String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/postgres";
    }
}
