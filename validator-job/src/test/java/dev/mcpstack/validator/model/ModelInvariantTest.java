package dev.mcpstack.validator.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpstack.validator.model.IntegrationTestStep.ApiCall;
import dev.mcpstack.validator.model.MetricsResponse.LatencyBucket;
import dev.mcpstack.validator.model.MetricsResponse.MetricHistogram;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelInvariantTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void rejectsPercentilesOutOfOrder() {
        assertThatThrownBy(() -> benchmark(10, 9, 12, 5, 1, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency_p50_ms (10.0) must be <= latency_p95_ms (9.0)");
        assertThatThrownBy(() -> benchmark(5, 9, 8, 5, 1, 20))
                .hasMessageContaining("latency_p95_ms (9.0) must be <= latency_p99_ms (8.0)");
    }

    @Test
    void rejectsMeanOutsideMinAndMax() {
        assertThatThrownBy(() -> benchmark(5, 9, 12, 0.5, 1, 20))
                .hasMessageContaining("latency_min_ms (1.0) must be <= latency_mean_ms (0.5)");
        assertThatThrownBy(() -> benchmark(5, 9, 12, 25, 1, 20))
                .hasMessageContaining("latency_mean_ms (25.0) must be <= latency_max_ms (20.0)");
    }

    @Test
    void rejectsNegativeLatencyAndEmptySample() {
        assertThatThrownBy(() -> benchmark(-1, 9, 12, 5, 0, 20)).hasMessageContaining("latency_p50_ms must be >= 0");
    }

    @Test
    void rejectsRequestCountsThatDoNotAddUp() {
        assertThatThrownBy(() -> ModelJsonTest.load(100, 90, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("successful_requests (90) + failed_requests (5) must equal total_requests (100)");
    }

    @Test
    void rejectsHistogramBucketsUnsortedNotCumulativeOrShort() {
        assertThatThrownBy(() -> histogram(List.of(new LatencyBucket(0.5, 1), new LatencyBucket(0.1, 2)), 2))
                .hasMessageContaining("must be sorted by bucket_le");
        assertThatThrownBy(() -> histogram(List.of(new LatencyBucket(0.1, 5), new LatencyBucket(0.5, 3)), 5))
                .hasMessageContaining("must be cumulative");
        assertThatThrownBy(() -> histogram(List.of(new LatencyBucket(0.1, 1), new LatencyBucket(0.5, 3)), 4))
                .hasMessageContaining("last bucket count must equal count (4)");
    }

    @Test
    void rejectsStepsNotNumberedOneToN() {
        assertThatThrownBy(() -> testCase(List.of(step(1), step(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 2 has step_number 3");
        assertThatThrownBy(() -> testCase(List.of(step(2)))).hasMessageContaining("position 1 has step_number 2");
        assertThatThrownBy(() -> testCase(List.of())).hasMessageContaining("at least one step");
    }

    @Test
    void rejectsAssertionsWithoutExactlyOneOperator() {
        assertThatThrownBy(() -> new IntegrationTestStep.StepAssertion("x", null, null, null, null, null, null))
                .hasMessageContaining("needs exactly one of");
        assertThatThrownBy(() -> new IntegrationTestStep.StepAssertion("x", null, null, true, null, 1, null))
                .hasMessageContaining("needs exactly one of");
    }

    @Test
    void rejectsPoolWithMoreFreeThanOpenConnections() {
        assertThatThrownBy(() -> new HealthCheckResponse.ConnectionPoolStats(2, 1, 10, 3, 0))
                .hasMessageContaining("free (3.0) must be <= size (2.0)");
        assertThatThrownBy(() -> new HealthCheckResponse(
                        "fine",
                        NOW,
                        "connected",
                        new HealthCheckResponse.ConnectionPoolStats(2, 1, 10, 1, 50),
                        1,
                        null))
                .hasMessageContaining("status must be healthy|degraded|unhealthy");
    }

    private static PerformanceBenchmarkResult benchmark(
            double p50, double p95, double p99, double mean, double min, double max) {
        return new PerformanceBenchmarkResult(
                "id",
                ServerId.CODEBASE,
                OperationType.SEARCH,
                NOW,
                p50,
                p95,
                p99,
                mean,
                min,
                max,
                10,
                Map.of(),
                PassStatus.PASS,
                20.0,
                null,
                null,
                List.of());
    }

    private static MetricHistogram histogram(List<LatencyBucket> buckets, long count) {
        return new MetricHistogram("h", "help", buckets, count, 1.0);
    }

    private static IntegrationTestStep step(int number) {
        return new IntegrationTestStep(
                number, ServerId.CODEBASE, "a", new ApiCall("GET", "/health", null, null, Map.of()), null, null, null);
    }

    private static IntegrationTestCase testCase(List<IntegrationTestStep> steps) {
        return new IntegrationTestCase(
                "t", "name", "d", List.of(ServerId.CODEBASE), null, steps, null, null, null, null);
    }
}
