package dev.mcpstack.validator.benchmarks;

import dev.mcpstack.validator.load.LoadEngine;
import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ServerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** Latencies of one benchmarked operation in microseconds (HdrHistogram does the percentile math), plus failures. */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(600_000_000L, 3);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile @Nullable String firstFailure;

    public void record(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
    }

    public void fail(String type, String detail) {
        failures.computeIfAbsent(type, k -> new LongAdder()).increment();
        if (firstFailure == null) {
            firstFailure = detail;
        }
    }

    /** Records what the load engine reports of each request: its latency, or its failure as one of {@code what}. */
    public LoadEngine.Outcome outcome(String what) {
        return (nanos, error) -> {
            if (error.isEmpty()) {
                record(nanos);
            } else {
                fail(error, what);
            }
        };
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public long failures() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The result with a provisional verdict; the regression rule replaces it once baselines are known. */
    public PerformanceBenchmarkResult toResult(
            ServerId server,
            OperationType operation,
            Map<String, Object> parameters,
            @Nullable Double targetMs,
            EnvironmentInfo environment) {
        if (count() == 0) {
            throw new IllegalStateException(operation.wireName() + " on " + server + ": no successful request ("
                    + failures() + " failed" + (firstFailure == null ? "" : ", first: " + firstFailure) + ")");
        }
        double p50 = ms(histogram.getValueAtPercentile(50));
        double p95 = ms(histogram.getValueAtPercentile(95));
        double p99 = ms(histogram.getValueAtPercentile(99));
        double min = ms(histogram.getMinValue());
        double max = ms(histogram.getMaxValue());
        double mean = Math.max(min, Math.min(max, ms(histogram.getMean())));
        Map<String, Object> params = new java.util.LinkedHashMap<>(parameters);
        List<String> notes = new java.util.ArrayList<>();
        PassStatus status = PassStatus.PASS;
        if (failures() > 0) {
            status = PassStatus.FAIL;
            params.put("failed_requests", failures());
            notes.add(failures() + " request(s) failed " + failures.keySet()
                    + (firstFailure == null ? "" : "; first: " + firstFailure));
        }
        return new PerformanceBenchmarkResult(
                UUID.randomUUID().toString(),
                server,
                operation,
                Instant.now(),
                p50,
                Math.max(p50, p95),
                Math.max(p95, p99),
                mean,
                min,
                Math.max(max, p99),
                count(),
                params,
                status,
                targetMs,
                null,
                environment,
                notes);
    }

    private static double ms(double micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
