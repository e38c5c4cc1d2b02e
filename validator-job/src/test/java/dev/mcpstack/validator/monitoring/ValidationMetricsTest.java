package dev.mcpstack.validator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.metrics.MetricsPublisher;
import dev.mcpstack.validator.metrics.ValidationMetrics;
import dev.mcpstack.validator.model.Fixtures;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.ResourceUsageStats;
import dev.mcpstack.validator.report.CheckResult;
import dev.mcpstack.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher's text file passes promtool, and a real Pushgateway keeps the last success across a failed run. */
class ValidationMetricsTest {

    @TempDir
    Path dir;

    @Test
    void metricsFileCarriesTheRunAndPassesPromtool() throws Exception {
        Path file = MetricsPublisher.writeFile(ValidationMetrics.of(report(PassStatus.WARNING)), dir);

        String text = Files.readString(file);
        assertThat(file.getFileName().toString()).isEqualTo("metrics.prom");
        assertThat(text)
                .contains("mcp_validation_verdict{profile=\"quick\",target=\"local\"} 1.0")
                .contains("mcp_validation_suite_status{suite=\"benchmarks\"} 1.0")
                .contains("mcp_validation_check_status{check=\"codebase-mcp search\",suite=\"benchmarks\"} 1.0")
                .contains(
                        "mcp_validation_benchmark_latency_p95_seconds{operation=\"search\",server=\"codebase-mcp\"} 0.012")
                .contains("mcp_validation_benchmark_target_seconds{operation=\"search\",server=\"codebase-mcp\"} 0.02")
                .contains(
                        "mcp_validation_benchmark_baseline_p95_seconds{operation=\"search\",server=\"codebase-mcp\"} 0.011")
                .contains("mcp_validation_load_requests_per_second{model=\"closed\",server=\"codebase-mcp\"} 50.0")
                .contains("mcp_validation_load_error_ratio{model=\"closed\",server=\"codebase-mcp\"} 0.04")
                .containsPattern(
                        "mcp_validation_last_success_timestamp_seconds\\{profile=\"quick\",target=\"local\"} 1\\.\\d+E9")
                .doesNotContain("report-");
        Tools.Result promtool = Tools.run(List.of(Tools.require("promtool").toString(), "check", "metrics"), text);
        assertThat(promtool.exitCode()).as(promtool.output()).isZero();
        assertThat(promtool.output()).isBlank();
    }

    @Test
    void aFailedRunReplacesTheFiguresButKeepsTheLastSuccess() throws Exception {
        try (Daemon pushgateway = Daemon.start(
                "prometheus-pushgateway",
                List.of("--web.listen-address=127.0.0.1:{port}", "--persistence.file="),
                dir.resolve("pushgateway"))) {
            ValidationReport passed = report(PassStatus.PASS);
            MetricsPublisher.push(ValidationMetrics.of(passed), pushgateway.url());
            String afterPass = pushgateway.get("/metrics").body();
            assertThat(afterPass)
                    .containsPattern(Pattern.compile("mcp_validation_verdict\\{[^}]*job=\"mcp-validation\"[^}]*} 0\\b"))
                    .contains("mcp_validation_last_success_timestamp_seconds{");

            MetricsPublisher.push(ValidationMetrics.of(report(PassStatus.FAIL)), pushgateway.url());

            String afterFail = pushgateway.get("/metrics").body();
            assertThat(afterFail)
                    .containsPattern(
                            Pattern.compile("mcp_validation_verdict\\{[^}]*job=\"mcp-validation\"[^}]*} 2\\b"));
            assertThat(value(
                            afterFail,
                            "mcp_validation_last_success_timestamp_seconds\\{[^}]*outcome=\"success\"[^}]*}"))
                    .isCloseTo(passed.finishedAt().toEpochMilli() / 1000.0, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    private static double value(String exposition, String series) {
        var matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(exposition);
        assertThat(matcher.find()).as(series + " in%n" + exposition).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static ValidationReport report(PassStatus status) {
        var search = Fixtures.benchmark(OperationType.SEARCH, 12.0);
        search = new dev.mcpstack.validator.model.PerformanceBenchmarkResult(
                        search.benchmarkId(),
                        search.serverId(),
                        search.operationType(),
                        search.timestamp(),
                        search.latencyP50Ms(),
                        search.latencyP95Ms(),
                        search.latencyP99Ms(),
                        search.latencyMeanMs(),
                        search.latencyMinMs(),
                        search.latencyMaxMs(),
                        search.sampleSize(),
                        search.testParameters(),
                        status,
                        20.0,
                        null,
                        search.environment(),
                        List.of())
                .withVerdict(status, 11.0, List.of("p95 vs baseline"));
        var load = new LoadTestResult(
                "l-1",
                "codebase-mcp",
                "staged closed model to 5 VUs",
                "closed",
                5,
                2,
                Instant.now(),
                100,
                96,
                4,
                2,
                1,
                3,
                4,
                5,
                List.of(new LoadTestResult.ErrorBreakdown("http_503", 4, 100)),
                ResourceUsageStats.none("x"),
                List.of(),
                List.of());
        var checks = List.of(new CheckResult("benchmarks", "codebase-mcp search", status, "p95 12 ms"));
        return SampleReports.of(
                Instant.now().minusSeconds(60),
                Fixtures.ENVIRONMENT,
                checks,
                List.of(search),
                List.of(load),
                List.of());
    }
}
