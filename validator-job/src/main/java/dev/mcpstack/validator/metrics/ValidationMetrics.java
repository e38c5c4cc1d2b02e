package dev.mcpstack.validator.metrics;

import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.report.CheckResult;
import dev.mcpstack.validator.report.ValidationReport;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One registry holding a report's figures as gauges. Statuses are numbers, {@code 0} pass, {@code 1} warning,
 * {@code 2} fail (the order of {@link PassStatus}), so "worst" is {@code max} and Grafana maps them to colours.
 * Labels stay low-cardinality: suite, check name, server, operation, load model, fault; never ids or timestamps.
 */
public final class ValidationMetrics {

    static final String STATUS_HELP = " (0 pass, 1 warning, 2 fail)";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusRegistry success = new PrometheusRegistry();

    private ValidationMetrics() {}

    public static ValidationMetrics of(ValidationReport report) {
        ValidationMetrics metrics = new ValidationMetrics();
        metrics.run(report);
        metrics.checks(report);
        metrics.benchmarks(report);
        metrics.load(report);
        metrics.resilience(report);
        return metrics;
    }

    /** Everything the run measured; pushed (replacing the previous run's group) and written to metrics.prom. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * Only the last-success timestamp, in a group of its own so a failed run does not erase when the stack last
     * passed (ValidationStale keys on it); empty when this run failed.
     */
    public PrometheusRegistry successRegistry() {
        return success;
    }

    private void run(ValidationReport report) {
        String[] labels = {report.profile(), report.target()};
        gauge(
                        registry,
                        "mcp_validation_run_timestamp_seconds",
                        "When the last validation run finished (Unix time)",
                        "profile",
                        "target")
                .labelValues(labels)
                .set(seconds(report.finishedAt().toEpochMilli()));
        gauge(
                        registry,
                        "mcp_validation_run_duration_seconds",
                        "How long the last validation run took",
                        "profile",
                        "target")
                .labelValues(labels)
                .set(Duration.between(report.startedAt(), report.finishedAt()).toMillis() / 1000.0);
        gauge(
                        registry,
                        "mcp_validation_verdict",
                        "Verdict of the last validation run" + STATUS_HELP,
                        "profile",
                        "target")
                .labelValues(labels)
                .set(report.verdict().ordinal());
        if (report.verdict() != PassStatus.FAIL) {
            Gauge lastSuccess = gauge(
                    success,
                    "mcp_validation_last_success_timestamp_seconds",
                    "When a validation run last ended without a failed check (Unix time)",
                    "profile",
                    "target");
            lastSuccess.labelValues(labels).set(seconds(report.finishedAt().toEpochMilli()));
        }
    }

    private void checks(ValidationReport report) {
        Gauge check =
                gauge(registry, "mcp_validation_check_status", "Status of each check" + STATUS_HELP, "suite", "check");
        Map<String, PassStatus> suites = new LinkedHashMap<>();
        for (CheckResult result : report.checks()) {
            check.labelValues(result.suite(), result.name()).set(result.status().ordinal());
            suites.merge(result.suite(), result.status(), PassStatus::worst);
        }
        Gauge suite = gauge(
                registry, "mcp_validation_suite_status", "Worst check status of each suite" + STATUS_HELP, "suite");
        suites.forEach((name, status) -> suite.labelValues(name).set(status.ordinal()));
    }

    private void benchmarks(ValidationReport report) {
        String[] names = {"server", "operation"};
        Gauge p50 = gauge(registry, "mcp_validation_benchmark_latency_p50_seconds", "Benchmark latency p50", names);
        Gauge p95 = gauge(registry, "mcp_validation_benchmark_latency_p95_seconds", "Benchmark latency p95", names);
        Gauge p99 = gauge(registry, "mcp_validation_benchmark_latency_p99_seconds", "Benchmark latency p99", names);
        Gauge target = gauge(
                registry,
                "mcp_validation_benchmark_target_seconds",
                "Absolute target of the gated percentile (p99 for health, p95 otherwise)",
                names);
        Gauge baseline = gauge(
                registry, "mcp_validation_benchmark_baseline_p95_seconds", "Baseline the run was compared to", names);
        Gauge status = gauge(registry, "mcp_validation_benchmark_status", "Benchmark verdict" + STATUS_HELP, names);
        for (PerformanceBenchmarkResult result : report.benchmarks()) {
            String[] labels = {
                result.serverId().wireName(), result.operationType().wireName()
            };
            p50.labelValues(labels).set(seconds(result.latencyP50Ms()));
            p95.labelValues(labels).set(seconds(result.latencyP95Ms()));
            p99.labelValues(labels).set(seconds(result.latencyP99Ms()));
            if (result.targetThresholdMs() != null) {
                target.labelValues(labels).set(seconds(result.targetThresholdMs()));
            }
            if (result.baselineP95Ms() != null) {
                baseline.labelValues(labels).set(seconds(result.baselineP95Ms()));
            }
            status.labelValues(labels).set(result.passStatus().ordinal());
        }
    }

    private void load(ValidationReport report) {
        String[] names = {"server", "model"};
        Gauge rate = gauge(registry, "mcp_validation_load_requests_per_second", "Load run throughput", names);
        Gauge requests = gauge(registry, "mcp_validation_load_requests", "Requests sent by the load run", names);
        Gauge failed = gauge(registry, "mcp_validation_load_failed_requests", "Load run requests that failed", names);
        Gauge ratio =
                gauge(registry, "mcp_validation_load_error_ratio", "Failed / total requests of the load run", names);
        Gauge p95 = gauge(registry, "mcp_validation_load_latency_p95_seconds", "Load run latency p95", names);
        for (LoadTestResult result : report.load()) {
            String[] labels = {result.serverId(), result.loadModel()};
            rate.labelValues(labels).set(result.requestsPerSecond());
            requests.labelValues(labels).set(result.totalRequests());
            failed.labelValues(labels).set(result.failedRequests());
            ratio.labelValues(labels).set(result.errorRatePercent() / 100.0);
            p95.labelValues(labels).set(seconds(result.latencyP95Ms()));
        }
    }

    private void resilience(ValidationReport report) {
        String[] names = {"check", "server", "fault"};
        Gauge detection = gauge(
                registry, "mcp_validation_resilience_detection_seconds", "Time until the fault was detected", names);
        Gauge recovery = gauge(
                registry, "mcp_validation_resilience_recovery_seconds", "Time until the service recovered", names);
        Gauge window = gauge(
                registry,
                "mcp_validation_resilience_unavailable_window_seconds",
                "How long requests failed around the fault",
                names);
        Gauge failed = gauge(
                registry, "mcp_validation_resilience_failed_requests", "Requests that failed during the check", names);
        Gauge acknowledged = gauge(
                registry,
                "mcp_validation_resilience_acknowledged_writes",
                "Writes answered 2xx during the check",
                names);
        Gauge lost = gauge(
                registry,
                "mcp_validation_resilience_lost_writes",
                "Acknowledged writes not found afterwards (must be 0)",
                names);
        Gauge status =
                gauge(registry, "mcp_validation_resilience_status", "Resilience check verdict" + STATUS_HELP, names);
        for (ResilienceCheckResult check : report.resilience()) {
            String[] labels = {
                check.checkId(), check.serverId().wireName(), check.fault().wireName()
            };
            setMs(detection, labels, check.detectionMs());
            setMs(recovery, labels, check.recoveryMs());
            setMs(window, labels, check.unavailableWindowMs());
            failed.labelValues(labels).set(check.requestsFailed());
            acknowledged.labelValues(labels).set(check.acknowledgedWrites());
            lost.labelValues(labels).set(check.lostWrites());
            status.labelValues(labels).set(check.passStatus().ordinal());
        }
    }

    /** A figure that does not apply to a fault (null) has no series rather than a misleading 0. */
    private static void setMs(Gauge gauge, String[] labels, @Nullable Long ms) {
        if (ms != null) {
            gauge.labelValues(labels).set(seconds(ms));
        }
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help, String... labelNames) {
        return Gauge.builder().name(name).help(help).labelNames(labelNames).register(registry);
    }

    private static double seconds(double ms) {
        return ms / 1000.0;
    }
}
