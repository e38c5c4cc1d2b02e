package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpstack.common.testapp.TestApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PortConflictTest {

    @Test
    void portInUseEndsStartupWithOneLineNamingThePortAndSetting(CapturedOutput output) throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            int port = occupied.getLocalPort();

            assertThatThrownBy(() -> TestApp.isolatedApplication().run("--server.port=" + port))
                    .isInstanceOf(RuntimeException.class);

            List<String> lines = output.getOut()
                    .lines()
                    .filter(line -> line.contains("already in use") || line.contains("APPLICATION FAILED"))
                    .toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0))
                    .contains("Port " + port + " is already in use")
                    .contains("SERVER_PORT")
                    .contains("\"event\":\"startup_failed\"");
        }
    }
}
