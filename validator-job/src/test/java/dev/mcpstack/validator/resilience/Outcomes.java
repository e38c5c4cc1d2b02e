package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.ServerId;

/** Outcomes on a millisecond time axis for the unit tests. */
final class Outcomes {

    private Outcomes() {}

    static Outcome ok(long startMs, long endMs) {
        return new Outcome(ServerId.WORKFLOW, "op", nanos(startMs), nanos(endMs), 200, null, false, false);
    }

    static Outcome failed(long startMs, long endMs, String type) {
        return new Outcome(ServerId.WORKFLOW, "op", nanos(startMs), nanos(endMs), 0, type, false, false);
    }

    static long nanos(long ms) {
        return ms * 1_000_000L;
    }
}
