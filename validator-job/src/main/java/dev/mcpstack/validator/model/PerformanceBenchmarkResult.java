package dev.mcpstack.validator.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One benchmarked operation (seed 000 §1), plus where it ran and what the regression rule said about it. */
public record PerformanceBenchmarkResult(
        String benchmarkId,
        ServerId serverId,
        OperationType operationType,
        Instant timestamp,
        double latencyP50Ms,
        double latencyP95Ms,
        double latencyP99Ms,
        double latencyMeanMs,
        double latencyMinMs,
        double latencyMaxMs,
        long sampleSize,
        Map<String, Object> testParameters,
        PassStatus passStatus,
        @Nullable Double targetThresholdMs,
        @Nullable Double baselineP95Ms,
        @Nullable EnvironmentInfo environment,
        List<String> notes) {

    public PerformanceBenchmarkResult {
        Checks.text(benchmarkId, "benchmark_id");
        Checks.present(serverId, "server_id");
        Checks.present(operationType, "operation_type");
        Checks.present(timestamp, "timestamp");
        Checks.present(passStatus, "pass_status");
        Checks.nonNegative(latencyP50Ms, "latency_p50_ms");
        Checks.nonNegative(latencyP95Ms, "latency_p95_ms");
        Checks.nonNegative(latencyP99Ms, "latency_p99_ms");
        Checks.nonNegative(latencyMeanMs, "latency_mean_ms");
        Checks.nonNegative(latencyMinMs, "latency_min_ms");
        Checks.nonNegative(latencyMaxMs, "latency_max_ms");
        Checks.ordered("percentiles", latencyP50Ms, "latency_p50_ms", latencyP95Ms, "latency_p95_ms");
        Checks.ordered("percentiles", latencyP95Ms, "latency_p95_ms", latencyP99Ms, "latency_p99_ms");
        Checks.ordered("latency range", latencyMinMs, "latency_min_ms", latencyMeanMs, "latency_mean_ms");
        Checks.ordered("latency range", latencyMeanMs, "latency_mean_ms", latencyMaxMs, "latency_max_ms");
        Checks.require(sampleSize >= 1, "sample_size must be >= 1 but was " + sampleSize);
        Checks.require(
                targetThresholdMs == null || targetThresholdMs > 0,
                "target_threshold_ms must be > 0 when given but was " + targetThresholdMs);
        testParameters = Checks.map(testParameters);
        notes = Checks.list(notes);
    }

    /** The latency the rule gates on: p99 for health, p95 for everything else. */
    public double gatedLatencyMs() {
        return operationType.gatedOnP99() ? latencyP99Ms : latencyP95Ms;
    }

    public PerformanceBenchmarkResult withVerdict(
            PassStatus status, @Nullable Double baselineMs, List<String> verdictNotes) {
        return new PerformanceBenchmarkResult(
                benchmarkId,
                serverId,
                operationType,
                timestamp,
                latencyP50Ms,
                latencyP95Ms,
                latencyP99Ms,
                latencyMeanMs,
                latencyMinMs,
                latencyMaxMs,
                sampleSize,
                testParameters,
                status,
                targetThresholdMs,
                baselineMs,
                environment,
                verdictNotes);
    }
}
