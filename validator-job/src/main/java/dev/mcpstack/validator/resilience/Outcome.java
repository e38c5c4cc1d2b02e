package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.ServerId;
import org.jspecify.annotations.Nullable;

/**
 * One request as the caller saw it: when it was sent and answered ({@link System#nanoTime()}), its status (0 when
 * there was no answer) and, for a failure, its type ({@code http_503}, {@code connection}, {@code timeout}, ...).
 */
record Outcome(
        ServerId server,
        String operation,
        long startNanos,
        long endNanos,
        int status,
        @Nullable String errorType,
        boolean retryAfter,
        boolean warned) {

    boolean succeeded() {
        return errorType == null;
    }

    double millis() {
        return (endNanos - startNanos) / 1_000_000.0;
    }

    static @Nullable String errorTypeOf(int status) {
        return status >= 200 && status < 300 ? null : "http_" + status;
    }
}
