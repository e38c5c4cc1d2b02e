package dev.mcpstack.common.database;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the background probe last saw; read on every health request, so it is an immutable snapshot swapped
 * atomically.
 *
 * @param reachable whether the last probe succeeded
 * @param lastProbeLatency how long the last successful probe took
 * @param slow whether that latency was above the slow threshold
 * @param since when the current reachable/unreachable period began
 * @param lastError why the database is unreachable (exception class and message), or null
 */
public record DatabaseState(
        boolean reachable,
        Duration lastProbeLatency,
        boolean slow,
        Instant since,
        @Nullable String lastError) {

    static DatabaseState unknown() {
        return new DatabaseState(true, Duration.ZERO, false, Instant.now(), null);
    }
}
