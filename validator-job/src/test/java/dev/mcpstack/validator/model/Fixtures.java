package dev.mcpstack.validator.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Valid models to start tests from. */
public final class Fixtures {

    public static final EnvironmentInfo ENVIRONMENT =
            new EnvironmentInfo(2, "17.0.15", "Linux amd64", "abc1234", "quick", "local");

    private Fixtures() {}

    public static PerformanceBenchmarkResult benchmark(OperationType operation, double p95) {
        return benchmark(operation, p95, ENVIRONMENT);
    }

    public static PerformanceBenchmarkResult benchmark(
            OperationType operation, double p95, EnvironmentInfo environment) {
        return new PerformanceBenchmarkResult(
                "b-" + operation.wireName(),
                operation.defaultServer(),
                operation,
                Instant.parse("2026-11-22T10:00:00Z"),
                p95 / 2,
                p95,
                p95 * 1.5,
                p95 / 2,
                p95 / 10,
                p95 * 2,
                100,
                Map.of("concurrent_clients", 10),
                PassStatus.PASS,
                null,
                null,
                environment,
                List.of());
    }
}
