package dev.mcpstack.validator.load;

import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.LoadTestResult.ErrorBreakdown;
import dev.mcpstack.validator.model.LoadTestResult.OperationStats;
import dev.mcpstack.validator.report.CheckResult;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The load checks' verdicts: each detail names the figure, the target and, when it fails, the likely cause. */
final class LoadVerdicts {

    static final String HEALTH = "health";

    private LoadVerdicts() {}

    /**
     * {@code busyPercent}: how busy the cores were over the run's window ({@link MachineLoad#busyPercent}; null when
     * unknown), for the likely cause of a miss.
     */
    static CheckResult thresholds(
            String name, LoadTestResult result, double maxP95Ms, double maxErrorPercent, @Nullable Double busyPercent) {
        boolean latencyOk = result.latencyP95Ms() < maxP95Ms;
        boolean errorsOk =
                maxErrorPercent == 0 ? result.failedRequests() == 0 : result.errorRatePercent() < maxErrorPercent;
        String detail = String.format(
                Locale.ROOT,
                "%d requests, %.1f req/s, p95 %.2f ms (< %.0f ms %s), errors %.2f %% (%s %.2f %% %s)%s",
                result.totalRequests(),
                result.requestsPerSecond(),
                result.latencyP95Ms(),
                maxP95Ms,
                latencyOk ? "ok" : "EXCEEDED",
                result.errorRatePercent(),
                maxErrorPercent == 0 ? "=" : "<",
                maxErrorPercent,
                errorsOk ? "ok" : "EXCEEDED",
                result.errorBreakdown().isEmpty()
                        ? ""
                        : ", errors: "
                                + result.errorBreakdown().stream()
                                        .map(e -> e.errorType() + "=" + e.count())
                                        .toList());
        boolean ok = latencyOk && errorsOk;
        return CheckResult.of(
                LoadSuite.SUITE, name, ok, ok ? detail : detail + "; likely cause: " + cause(result, busyPercent));
    }

    /**
     * {@code /health} answered while the staged load runs (the staged run's own probe), against its p99 target.
     * {@code dispatchLagP99Ms}: how late the probe itself sent its requests (p99), included in the latency since it is
     * timed from each request's intended start; shown so a reader can tell the client's share from the service's.
     * {@code busyPercent}: how busy the cores were over the window, for the likely cause of a miss; {@code jitMillis}:
     * how long the JIT compilers worked in it ({@link JitClock}), which takes cores from the services' requests.
     */
    static CheckResult healthUnderLoad(
            String name,
            LoadStats stats,
            double dispatchLagP99Ms,
            @Nullable Double busyPercent,
            long jitMillis,
            double maxP99Ms) {
        return stats.operations().stream()
                .filter(operation -> operation.operation().equals(HEALTH))
                .findFirst()
                .map(health -> {
                    boolean ok = health.errors() == 0 && health.latencyP99Ms() < maxP99Ms;
                    String detail = String.format(
                            Locale.ROOT,
                            "%d requests to /health during the staged load, p50 %.2f ms, p99 %.2f ms (< %.0f ms %s),"
                                    + " errors %d; the probe's own dispatch lag p99 %.2f ms (included); the JIT"
                                    + " compiled for %d ms during the window",
                            health.count(),
                            health.latencyP50Ms(),
                            health.latencyP99Ms(),
                            maxP99Ms,
                            health.latencyP99Ms() < maxP99Ms ? "ok" : "EXCEEDED",
                            health.errors(),
                            dispatchLagP99Ms,
                            jitMillis);
                    return CheckResult.of(
                            LoadSuite.SUITE, name, ok, ok ? detail : detail + MachineLoad.windowNote(busyPercent));
                })
                .orElseGet(() -> CheckResult.fail(LoadSuite.SUITE, name, "the staged load sent no /health request"));
    }

    /** {@code busyPercent}: how busy the cores were over the service's whole search, for the likely cause of a miss. */
    static CheckResult capacity(String name, CapacitySearch.Result found, int floor, @Nullable Double busyPercent) {
        int held = found.highestHeld();
        boolean ok = held >= floor && held > 0;
        StringBuilder detail = new StringBuilder(String.format(
                Locale.ROOT, "highest rate held %d/s (floor %d/s %s); steps: ", held, floor, ok ? "ok" : "MISSED"));
        detail.append(found.steps().stream().map(CapacitySearch.Step::describe).collect(Collectors.joining(", ")));
        CapacitySearch.Step last = found.steps().get(found.steps().size() - 1);
        if (!last.held()) {
            detail.append(
                    last.stats().failed() > 0
                            ? "; stopped by errors "
                                    + last.stats().errorBreakdown().stream()
                                            .map(e -> e.errorType() + "=" + e.count())
                                            .toList()
                            : String.format(
                                    Locale.ROOT,
                                    "; stopped by %s p95 %.2f ms > %.0f ms",
                                    last.worstOperation(),
                                    last.worstP95Ms(),
                                    last.worstTargetMs()));
        } else {
            detail.append("; every step held (raise max-steps to find the limit)");
        }
        if (!ok) {
            detail.append(MachineLoad.windowNote(busyPercent));
        }
        return CheckResult.of(LoadSuite.SUITE, name, ok, detail.toString());
    }

    /**
     * Pool shedding, timeouts, CPU saturation of the shared machine over the window ({@code busyPercent}, or the
     * 1-minute load average when that is unknown), or else the slowest operation.
     */
    static String cause(LoadTestResult result, @Nullable Double busyPercent) {
        long shed = result.errorBreakdown().stream()
                .filter(e -> e.errorType().startsWith(LoadStats.SHED))
                .mapToLong(ErrorBreakdown::count)
                .sum();
        if (shed > 0 && shed * 2 >= result.failedRequests()) {
            return "pool shedding (503): more concurrent requests than the pool serves within its acquire timeout";
        }
        if (result.errorBreakdown().stream().anyMatch(e -> e.errorType().equals("timeout"))) {
            return "requests timed out";
        }
        if (busyPercent != null && MachineLoad.saturated(busyPercent)) {
            return "CPU saturation (" + MachineLoad.busyShare(busyPercent) + ")";
        }
        String saturation = busyPercent == null ? MachineLoad.saturationNote() : "";
        if (!saturation.isEmpty()) {
            return saturation.substring("; likely cause: ".length());
        }
        if (result.resourceUsage().cpuPercentMax() >= 90) {
            return String.format(
                    Locale.ROOT,
                    "CPU saturation (service CPU max %.0f %%)",
                    result.resourceUsage().cpuPercentMax());
        }
        String slowest = result.operations().stream()
                .max(Comparator.comparingDouble(OperationStats::latencyP95Ms))
                .map(op -> String.format(
                        Locale.ROOT, "the slowest operation, %s (p95 %.2f ms)", op.operation(), op.latencyP95Ms()))
                .orElse("unknown");
        return busyPercent == null
                ? slowest
                : slowest + " (" + MachineLoad.busyShare(busyPercent) + ", so not saturation)";
    }
}
