package dev.mcpstack.validator.monitoring;

import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.report.CheckResult;
import dev.mcpstack.validator.report.ValidationReport;
import java.time.Instant;
import java.util.List;

/** Reports assembled from results the suites produced, the way ValidationRun assembles them. */
final class SampleReports {

    private SampleReports() {}

    static ValidationReport of(
            Instant started,
            EnvironmentInfo environment,
            List<CheckResult> checks,
            List<PerformanceBenchmarkResult> benchmarks,
            List<LoadTestResult> load,
            List<ResilienceCheckResult> resilience) {
        return new ValidationReport(
                "report-" + started.toEpochMilli(),
                started,
                Instant.now(),
                environment.target(),
                environment.profile(),
                List.of("benchmarks", "load", "observability"),
                environment,
                ValidationReport.verdictOf(checks),
                checks,
                benchmarks,
                List.of(),
                load,
                "shipped",
                resilience);
    }
}
