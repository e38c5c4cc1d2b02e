package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A load run (seed 000 §3). Beyond the seed: the load model, p50/p99, per-operation figures and a per-second
 * timeline for the report's chart. {@code success_rate_percent} and {@code requests_per_second} are derived.
 */
@JsonIgnoreProperties(
        value = {"success_rate_percent", "requests_per_second"},
        allowGetters = true)
public record LoadTestResult(
        String testId,
        String serverId,
        String testScenario,
        String loadModel,
        int concurrentClients,
        double testDurationSeconds,
        Instant timestamp,
        long totalRequests,
        long successfulRequests,
        long failedRequests,
        double latencyAvgMs,
        double latencyP50Ms,
        double latencyP95Ms,
        double latencyP99Ms,
        double latencyMaxMs,
        List<ErrorBreakdown> errorBreakdown,
        ResourceUsageStats resourceUsage,
        List<OperationStats> operations,
        List<TimelinePoint> timeline) {

    public LoadTestResult {
        Checks.text(testId, "test_id");
        Checks.text(serverId, "server_id");
        Checks.text(testScenario, "test_scenario");
        Checks.text(loadModel, "load_model");
        Checks.require(concurrentClients >= 1, "concurrent_clients must be >= 1 but was " + concurrentClients);
        Checks.require(testDurationSeconds > 0, "test_duration_seconds must be > 0 but was " + testDurationSeconds);
        Checks.present(timestamp, "timestamp");
        Checks.nonNegative(totalRequests, "total_requests");
        Checks.nonNegative(successfulRequests, "successful_requests");
        Checks.nonNegative(failedRequests, "failed_requests");
        Checks.require(
                successfulRequests + failedRequests == totalRequests,
                "successful_requests (" + successfulRequests + ") + failed_requests (" + failedRequests
                        + ") must equal total_requests (" + totalRequests + ")");
        Checks.nonNegative(latencyAvgMs, "latency_avg_ms");
        Checks.ordered("percentiles", latencyP50Ms, "latency_p50_ms", latencyP95Ms, "latency_p95_ms");
        Checks.ordered("percentiles", latencyP95Ms, "latency_p95_ms", latencyP99Ms, "latency_p99_ms");
        Checks.ordered("latency range", latencyAvgMs, "latency_avg_ms", latencyMaxMs, "latency_max_ms");
        Checks.nonNegative(latencyP50Ms, "latency_p50_ms");
        errorBreakdown = Checks.list(errorBreakdown);
        long errors = errorBreakdown.stream().mapToLong(ErrorBreakdown::count).sum();
        Checks.require(
                errors == failedRequests,
                "error_breakdown counts (" + errors + ") must add up to failed_requests (" + failedRequests + ")");
        Checks.present(resourceUsage, "resource_usage");
        operations = Checks.list(operations);
        timeline = Checks.list(timeline);
    }

    @JsonProperty("success_rate_percent")
    public double successRatePercent() {
        return totalRequests == 0 ? 0.0 : Checks.round2(100.0 * successfulRequests / totalRequests);
    }

    @JsonProperty("requests_per_second")
    public double requestsPerSecond() {
        return Checks.round2(totalRequests / testDurationSeconds);
    }

    public double errorRatePercent() {
        return totalRequests == 0 ? 0.0 : 100.0 * failedRequests / totalRequests;
    }

    /** Failed requests of one kind: an HTTP status ({@code http_503}), {@code timeout} or {@code connection}. */
    public record ErrorBreakdown(String errorType, long count, double percentage) {
        public ErrorBreakdown {
            Checks.text(errorType, "error_type");
            Checks.nonNegative(count, "count");
            Checks.require(percentage >= 0 && percentage <= 100, "percentage must be within 0..100");
        }
    }

    /** Per operation of the mix, to see which one is slow or failing. */
    public record OperationStats(
            String operation, long count, long errors, double latencyP50Ms, double latencyP95Ms, double latencyP99Ms) {
        public OperationStats {
            Checks.text(operation, "operation");
            Checks.require(errors <= count, "errors must be <= count for " + operation);
            Checks.ordered(operation, latencyP50Ms, "latency_p50_ms", latencyP95Ms, "latency_p95_ms");
            Checks.ordered(operation, latencyP95Ms, "latency_p95_ms", latencyP99Ms, "latency_p99_ms");
        }
    }

    /** One second of the run: completed requests, their p95 and the virtual users active. */
    public record TimelinePoint(int second, long requests, long errors, double latencyP95Ms, int activeUsers) {
        public TimelinePoint {
            Checks.require(second >= 0, "second must be >= 0");
            Checks.nonNegative(requests, "requests");
            Checks.require(errors <= requests, "errors must be <= requests");
        }
    }
}
