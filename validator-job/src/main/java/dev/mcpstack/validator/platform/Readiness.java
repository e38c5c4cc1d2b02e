package dev.mcpstack.validator.platform;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.ServerId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Polls {@code /actuator/health/readiness} until it answers 200 (falling back to {@code /actuator/health} when the
 * readiness group does not exist), bounded by a timeout.
 */
final class Readiness {

    private final Http http;

    Readiness(Http http) {
        this.http = http;
    }

    void await(ServerId server, URI base, Duration timeout, BooleanSupplier alive, Supplier<Path> log) {
        try {
            Awaitility.await(server + " readiness")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> ready(base));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(server + " was not ready at " + base + " within " + timeout.toSeconds()
                    + " s (process " + (alive.getAsBoolean() ? "running" : "not running") + "); last log lines:\n"
                    + tail(log.get()));
        }
    }

    private boolean ready(URI base) {
        Http.Response readiness = http.get(base.resolve("/actuator/health/readiness"), Map.of());
        if (readiness.status() == 404) {
            return http.get(base.resolve("/actuator/health"), Map.of()).status() == 200;
        }
        return readiness.status() == 200;
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
