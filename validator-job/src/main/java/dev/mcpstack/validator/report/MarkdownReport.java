package dev.mcpstack.validator.report;

import dev.mcpstack.validator.model.IntegrationTestCase;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import java.util.Locale;

/** report.md: the verdict, every check, and the figures as tables (renders on GitHub and in a terminal). */
final class MarkdownReport {

    private MarkdownReport() {}

    static String render(ValidationReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Validation report\n\n");
        md.append("**Verdict: ")
                .append(report.verdict().wireName().toUpperCase(Locale.ROOT))
                .append("**  \n");
        md.append("Target `")
                .append(report.target())
                .append("`, profile `")
                .append(report.profile())
                .append("`, suites ")
                .append(String.join(", ", report.suites()))
                .append("  \n");
        md.append("Started ")
                .append(report.startedAt())
                .append(", finished ")
                .append(report.finishedAt())
                .append("  \n");
        var env = report.environment();
        md.append("Environment: ")
                .append(env.cores())
                .append(" cores, JVM ")
                .append(env.jvmVersion())
                .append(", ")
                .append(env.os())
                .append(", commit ")
                .append(env.gitCommit() == null ? "unknown" : env.gitCommit())
                .append("  \nMachine: load average ")
                .append(env.loadAverage() == null ? "unknown" : env.loadAverage())
                .append(" at the end, CPU steal ")
                .append(env.cpuStealPercent() == null ? "unknown" : fmt(env.cpuStealPercent()) + " %")
                .append(" over the run; CPU seconds: validator (client) ")
                .append(env.clientCpuSeconds() == null ? "unknown" : fmt(env.clientCpuSeconds()))
                .append(env.serviceCpuSeconds() == null ? "" : ", " + services(env.serviceCpuSeconds()))
                .append("  \nBaseline: ")
                .append(report.baselineSource())
                .append("\n\n");
        md.append("## Checks\n\n| suite | check | status | detail |\n| --- | --- | --- | --- |\n");
        for (CheckResult check : report.checks()) {
            md.append("| ")
                    .append(check.suite())
                    .append(" | ")
                    .append(cell(check.name()))
                    .append(" | ")
                    .append(check.status().wireName().toUpperCase(Locale.ROOT))
                    .append(" | ")
                    .append(cell(check.detail()))
                    .append(" |\n");
        }
        if (!report.benchmarks().isEmpty()) {
            md.append(
                    "\n## Benchmarks (ms)\n\n| server | operation | samples | p50 | p95 | p99 | mean | max | target | "
                            + "baseline | status |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (PerformanceBenchmarkResult b : report.benchmarks()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s |%n",
                        b.serverId(),
                        b.operationType().wireName() + (b.operationType().gatedOnP99() ? " (p99)" : ""),
                        b.sampleSize(),
                        b.latencyP50Ms(),
                        b.latencyP95Ms(),
                        b.latencyP99Ms(),
                        b.latencyMeanMs(),
                        b.latencyMaxMs(),
                        b.targetThresholdMs() == null ? "-" : fmt(b.targetThresholdMs()),
                        b.baselineP95Ms() == null ? "-" : fmt(b.baselineP95Ms()),
                        b.passStatus().wireName().toUpperCase(Locale.ROOT)));
            }
            for (PerformanceBenchmarkResult b : report.benchmarks()) {
                if (!b.notes().isEmpty()) {
                    md.append("\n- ")
                            .append(b.serverId())
                            .append(" ")
                            .append(b.operationType().wireName())
                            .append(": ")
                            .append(String.join("; ", b.notes()));
                }
            }
            md.append("\n");
        }
        if (!report.load().isEmpty()) {
            md.append(
                    "\n## Load\n\n| server | scenario | model | requests | req/s | p50 | p95 | p99 | max | errors | "
                            + "cpu max % | pool max % |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (LoadTestResult l : report.load()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %d (%.2f %%) | %.1f | %.1f |%n",
                        l.serverId(),
                        cell(l.testScenario()),
                        l.loadModel(),
                        l.totalRequests(),
                        l.requestsPerSecond(),
                        l.latencyP50Ms(),
                        l.latencyP95Ms(),
                        l.latencyP99Ms(),
                        l.latencyMaxMs(),
                        l.failedRequests(),
                        l.errorRatePercent(),
                        l.resourceUsage().cpuPercentMax(),
                        l.resourceUsage().connectionPoolUtilizationMax()));
            }
        }
        if (!report.scenarios().isEmpty()) {
            md.append("\n## Scenarios\n\n| scenario | steps | status | error |\n| --- | ---: | --- | --- |\n");
            for (IntegrationTestCase s : report.scenarios()) {
                md.append("| ")
                        .append(cell(s.testName()))
                        .append(" | ")
                        .append(s.workflowSteps().size())
                        .append(" | ")
                        .append(s.lastRunStatus())
                        .append(" | ")
                        .append(s.lastRunError() == null ? "" : cell(s.lastRunError()))
                        .append(" |\n");
            }
        }
        md.append(ResilienceReport.markdown(report.resilience()));
        return md.toString();
    }

    private static String services(java.util.Map<String, Double> cpuSeconds) {
        return String.join(
                ", ",
                cpuSeconds.entrySet().stream()
                        .map(e -> e.getKey() + " " + fmt(e.getValue()))
                        .toList());
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
