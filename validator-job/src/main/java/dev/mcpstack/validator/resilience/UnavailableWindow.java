package dev.mcpstack.validator.resilience;

import java.util.Collection;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Caller-side figures around a fault injected at {@code faultNanos}: the unavailable window runs from the last
 * success answered before the fault to the first success of a request sent after it; detection is when the caller
 * first saw a failure. Requests in flight across the fault count for neither end.
 */
final class UnavailableWindow {

    private UnavailableWindow() {}

    /** Milliseconds from the last success before the fault to the first success after it; empty if none came. */
    static OptionalLong windowMs(Collection<Outcome> outcomes, long faultNanos) {
        long lastBefore = faultNanos;
        boolean anyBefore = false;
        long firstAfter = Long.MAX_VALUE;
        for (Outcome outcome : outcomes) {
            if (!outcome.succeeded()) {
                continue;
            }
            if (outcome.endNanos() <= faultNanos && (!anyBefore || outcome.endNanos() > lastBefore)) {
                lastBefore = outcome.endNanos();
                anyBefore = true;
            } else if (outcome.startNanos() >= faultNanos) {
                firstAfter = Math.min(firstAfter, outcome.endNanos());
            }
        }
        return firstAfter == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(toMs(firstAfter - lastBefore));
    }

    static @Nullable Long windowOrNull(Collection<Outcome> outcomes, long faultNanos) {
        OptionalLong window = windowMs(outcomes, faultNanos);
        return window.isPresent() ? window.getAsLong() : null;
    }

    /** The first success of a request sent at or after {@code fromNanos}, as a nanoTime; empty if none. */
    static OptionalLong firstSuccessAfter(Collection<Outcome> outcomes, long fromNanos) {
        long best = Long.MAX_VALUE;
        for (Outcome o : outcomes) {
            if (o.succeeded() && o.startNanos() >= fromNanos) {
                best = Math.min(best, o.endNanos());
            }
        }
        return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
    }

    /** Milliseconds from the fault to the first failure the caller saw; empty when nothing failed. */
    static OptionalLong detectionMs(Collection<Outcome> outcomes, long faultNanos) {
        long first = Long.MAX_VALUE;
        for (Outcome o : outcomes) {
            if (!o.succeeded() && o.endNanos() >= faultNanos) {
                first = Math.min(first, o.endNanos());
            }
        }
        return first == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(toMs(first - faultNanos));
    }

    static long toMs(long nanos) {
        return Math.max(0, Math.round(nanos / 1_000_000.0));
    }
}
