package dev.mcpstack.embeddedpostgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartablePostgresTest {

    @TempDir
    Path data;

    @Test
    void comesBackOnTheSamePortAfterAnOutage() {
        RestartablePostgres database = new RestartablePostgres(data);
        try {
            database.start();
            int port = database.port();
            assertThat(accepts(port)).isTrue();

            database.stop();
            assertThat(accepts(port)).isFalse();

            database.start();
            assertThat(database.port()).isEqualTo(port);
            assertThat(accepts(port)).isTrue();
            assertThat(database.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:" + port + "/postgres");
        } finally {
            database.stop();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
