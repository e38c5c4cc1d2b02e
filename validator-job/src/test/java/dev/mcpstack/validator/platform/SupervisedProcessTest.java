package dev.mcpstack.validator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ReplicaSet-like supervision, with a shell loop standing in for a service. */
class SupervisedProcessTest {

    @TempDir
    Path logs;

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void restartsAKilledProcessAndCapturesItsOutput() {
        SupervisedProcess process = new SupervisedProcess(
                "stub",
                List.of("/bin/sh", "-c", "echo started $MARK; sleep 60"),
                Map.of("MARK", "m1"),
                logs,
                events::add);
        try {
            process.start();
            await().atMost(Duration.ofSeconds(10)).until(process::isAlive);

            process.kill();

            await().atMost(Duration.ofSeconds(10)).until(() -> process.restarts() == 1 && process.isAlive());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readAllLines(process.stdout()), lines -> lines.size() == 2);
            assertThat(process.stdout()).content().isEqualTo("started m1\nstarted m1\n");
            assertThat(events).anyMatch(e -> e.contains("restarting on the same port (restart #1)"));
        } finally {
            process.stop(5);
        }
    }

    @Test
    void doesNotRestartWhatItWasAskedToStop() throws Exception {
        SupervisedProcess process =
                new SupervisedProcess("stub", List.of("/bin/sh", "-c", "sleep 60"), Map.of(), logs, events::add);
        process.start();
        await().atMost(Duration.ofSeconds(10)).until(process::isAlive);

        process.stop(5);

        // a wrongly scheduled restart would show up within this window
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !process.isAlive() && process.restarts() == 0);
    }
}
