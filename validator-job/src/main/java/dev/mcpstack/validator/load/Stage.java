package dev.mcpstack.validator.load;

import java.time.Duration;

/** A k6 stage: over {@code duration}, move linearly from the previous stage's target to {@code target} VUs. */
public record Stage(Duration duration, int target) {
    public Stage {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("stage duration must be > 0 but was " + duration);
        }
        if (target < 0) {
            throw new IllegalArgumentException("stage target must be >= 0 but was " + target);
        }
    }
}
