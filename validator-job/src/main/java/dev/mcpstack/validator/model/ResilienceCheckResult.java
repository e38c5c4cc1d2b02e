package dev.mcpstack.validator.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One fault injected under load (SPEC §6). Figures that do not apply to a fault (a stale reference has no
 * unavailable window) are null and left out of the JSON, so a figure that is present was measured. Beyond the SPEC:
 * {@code details} (the per-fault figures the verdict is judged on), {@code notes} (why it failed) and the 100 ms
 * {@code timeline} the HTML report draws.
 */
public record ResilienceCheckResult(
        String checkId,
        ServerId serverId,
        FaultKind fault,
        Instant startedAt,
        @Nullable Long detectionMs,
        @Nullable Long recoveryMs,
        @Nullable Long unavailableWindowMs,
        long requestsTotal,
        long requestsFailed,
        long acknowledgedWrites,
        long lostWrites,
        PassStatus passStatus,
        Map<String, Object> details,
        List<String> notes,
        @Nullable ResilienceTimeline timeline) {

    public ResilienceCheckResult {
        Checks.text(checkId, "check_id");
        Checks.present(serverId, "server_id");
        Checks.present(fault, "fault");
        Checks.present(startedAt, "started_at");
        Checks.present(passStatus, "pass_status");
        optionalNonNegative(detectionMs, "detection_ms");
        optionalNonNegative(recoveryMs, "recovery_ms");
        optionalNonNegative(unavailableWindowMs, "unavailable_window_ms");
        Checks.nonNegative(requestsTotal, "requests_total");
        Checks.nonNegative(requestsFailed, "requests_failed");
        Checks.nonNegative(acknowledgedWrites, "acknowledged_writes");
        Checks.nonNegative(lostWrites, "lost_writes");
        Checks.require(
                requestsFailed <= requestsTotal,
                "requests_failed (" + requestsFailed + ") must be <= requests_total (" + requestsTotal + ")");
        Checks.require(
                lostWrites <= acknowledgedWrites,
                "lost_writes (" + lostWrites + ") must be <= acknowledged_writes (" + acknowledgedWrites + ")");
        Checks.require(
                lostWrites == 0 || passStatus == PassStatus.FAIL,
                "a check that lost " + lostWrites + " acknowledged writes cannot be " + passStatus.wireName());
        // insertion order kept: the report lists the figures in the order the check measured them
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        notes = Checks.list(notes);
    }

    private static void optionalNonNegative(@Nullable Long value, String field) {
        if (value != null) {
            Checks.nonNegative(value, field);
        }
    }
}
