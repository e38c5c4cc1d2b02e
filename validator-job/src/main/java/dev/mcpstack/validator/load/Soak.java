package dev.mcpstack.validator.load;

import dev.mcpstack.validator.benchmarks.StackClient;
import dev.mcpstack.validator.config.LoadModes.SoakLimits;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.ResourceUsageStats;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.report.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SPEC §6 soak: the peak VUs, paced, for the soak's length (the seed's hour in {@code full}); per service the uptime
 * from a 1 s health probe and the slopes of heap after GC, pool connections and threads: a leak shows as a slope.
 */
final class Soak {

    private final StackClient stack;
    private final SoakLimits limits;
    private final Consumer<String> progress;

    Soak(StackClient stack, SoakLimits limits, Consumer<String> progress) {
        this.stack = stack;
        this.limits = limits;
        this.progress = progress;
    }

    void run(
            LoadEngine engine,
            OperationMix mix,
            StagePlan plan,
            Duration thinkTime,
            List<CheckResult> checks,
            List<LoadTestResult> results) {
        progress.accept("load: soak, " + plan.maxUsers() + " VUs with think time " + thinkTime.toMillis() + " ms for "
                + plan.totalDuration().toSeconds() + " s");
        Map<ServerId, SoakMonitor> monitors = new EnumMap<>(ServerId.class);
        for (ServerId server : ServerId.values()) {
            monitors.put(server, new SoakMonitor(stack.platform().baseUrl(server)));
        }
        Instant started = Instant.now();
        long start = System.nanoTime();
        LoadRecorder recorder = engine.runClosed(plan, mix, thinkTime, progress);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        for (ServerId server : ServerId.values()) {
            SoakMonitor.Figures figures = monitors.get(server).stop(limits);
            LoadStats stats = recorder.groups().getOrDefault(server.wireName(), new LoadStats());
            if (stats.total() > 0) {
                results.add(LoadResults.toResult(
                        stats,
                        server.wireName(),
                        "soak " + plan.maxUsers() + " VUs for "
                                + plan.totalDuration().toSeconds() + " s",
                        "closed",
                        plan.maxUsers(),
                        started,
                        elapsed,
                        ResourceUsageStats.none("see the soak check: uptime and slopes")));
            }
            checks.add(judge("soak " + server, limits, figures, stats));
        }
    }

    static CheckResult judge(String name, SoakLimits limits, SoakMonitor.Figures figures, LoadStats stats) {
        boolean uptime = figures.probes() > 0 && figures.uptimePercent() >= limits.uptimePercent();
        boolean heap = figures.heapMbPerHour() <= limits.heapMbPerHour();
        boolean pool = figures.poolConnectionsPerHour() <= limits.poolConnectionsPerHour();
        boolean threads = figures.threadsPerHour() <= limits.threadsPerHour();
        boolean errors = stats.total() > 0 && stats.failed() == 0;
        String detail = String.format(
                Locale.ROOT,
                "uptime %.3f %% over %d probes (>= %.1f %% %s); slopes per hour: heap after GC %+.1f MB (<= %.0f %s),"
                        + " pool connections %+.2f (<= %.1f %s), threads %+.1f (<= %.0f %s); %d requests, %d failed"
                        + " (target 0 %s)",
                figures.uptimePercent(),
                figures.probes(),
                limits.uptimePercent(),
                ok(uptime),
                figures.heapMbPerHour(),
                limits.heapMbPerHour(),
                ok(heap),
                figures.poolConnectionsPerHour(),
                limits.poolConnectionsPerHour(),
                ok(pool),
                figures.threadsPerHour(),
                limits.threadsPerHour(),
                ok(threads),
                stats.total(),
                stats.failed(),
                ok(errors));
        boolean passed = uptime && heap && pool && threads && errors;
        return CheckResult.of(
                LoadSuite.SUITE,
                name,
                passed,
                passed || uptime && errors
                        ? detail + (passed ? "" : "; likely cause: a leak (a growing resource)")
                        : detail + MachineLoad.saturationNote());
    }

    private static String ok(boolean ok) {
        return ok ? "ok" : "EXCEEDED";
    }
}
