package dev.mcpstack.validator.resilience;

import java.util.Optional;

/**
 * The codebase circuit breaker as workflow-mcp's {@code /metrics} (Prometheus text) shows it: its state and how many
 * calls it has recorded (every call it let through) and how many of those failed, from Resilience4j's Micrometer
 * meters.
 */
record BreakerMetrics(String state, long calls, long failedCalls) {

    static final String BREAKER = "name=\"codebase\"";

    static Optional<BreakerMetrics> parse(String prometheusText) {
        String state = null;
        long calls = 0;
        long failed = 0;
        boolean anyCalls = false;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("#") || !line.contains(BREAKER)) {
                continue;
            }
            if (line.startsWith("resilience4j_circuitbreaker_state{") && value(line) >= 1.0) {
                int at = line.indexOf("state=\"");
                state = line.substring(at + 7, line.indexOf('"', at + 7));
            } else if (line.startsWith("resilience4j_circuitbreaker_calls_seconds_count{")) {
                long count = (long) value(line);
                calls += count;
                failed += line.contains("kind=\"failed\"") ? count : 0;
                anyCalls = true;
            }
        }
        return state == null || !anyCalls ? Optional.empty() : Optional.of(new BreakerMetrics(state, calls, failed));
    }

    private static double value(String line) {
        String[] parts = line.trim().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }

    boolean open() {
        return state.equals("open");
    }

    boolean closed() {
        return state.equals("closed");
    }
}
