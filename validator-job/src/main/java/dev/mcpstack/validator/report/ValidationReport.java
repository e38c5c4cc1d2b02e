package dev.mcpstack.validator.report;

import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.IntegrationTestCase;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import java.time.Instant;
import java.util.List;

/** Everything a run produced: written as report.json, rendered as report.md and report.html. */
public record ValidationReport(
        String reportId,
        Instant startedAt,
        Instant finishedAt,
        String target,
        String profile,
        List<String> suites,
        EnvironmentInfo environment,
        PassStatus verdict,
        List<CheckResult> checks,
        List<PerformanceBenchmarkResult> benchmarks,
        List<IntegrationTestCase> scenarios,
        List<LoadTestResult> load,
        String baselineSource,
        List<ResilienceCheckResult> resilience) {

    public ValidationReport {
        suites = List.copyOf(suites);
        checks = List.copyOf(checks);
        benchmarks = List.copyOf(benchmarks);
        scenarios = List.copyOf(scenarios);
        load = List.copyOf(load);
        resilience = resilience == null ? List.of() : List.copyOf(resilience);
    }

    public List<CheckResult> failed() {
        return checks.stream().filter(c -> c.status() == PassStatus.FAIL).toList();
    }

    public static PassStatus verdictOf(List<CheckResult> checks) {
        return checks.stream().map(CheckResult::status).reduce(PassStatus.PASS, PassStatus::worst);
    }
}
