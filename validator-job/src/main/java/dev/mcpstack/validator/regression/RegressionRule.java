package dev.mcpstack.validator.regression;

import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The hybrid rule (SPEC §6): fail when the gated latency (p95; p99 for health) exceeds its absolute target or the
 * baseline by more than {@code failPercent}; warn above {@code warnPercent}. Exactly at a limit passes. Decimal
 * arithmetic so that "exactly +10 %" is exactly that and not a floating-point accident.
 */
public final class RegressionRule {

    private final BigDecimal warnPercent;
    private final BigDecimal failPercent;

    public RegressionRule(double warnPercent, double failPercent) {
        if (warnPercent < 0 || failPercent < warnPercent) {
            throw new IllegalArgumentException(
                    "tolerances must satisfy 0 <= warn (" + warnPercent + ") <= fail (" + failPercent + ")");
        }
        this.warnPercent = BigDecimal.valueOf(warnPercent);
        this.failPercent = BigDecimal.valueOf(failPercent);
    }

    public Verdict evaluate(
            PerformanceBenchmarkResult current,
            @Nullable PerformanceBenchmarkResult baseline,
            @Nullable Double targetMs) {
        String metric = current.operationType().gatedOnP99() ? "p99" : "p95";
        BigDecimal value = BigDecimal.valueOf(current.gatedLatencyMs());
        PassStatus status = PassStatus.PASS;
        List<String> notes = new ArrayList<>();
        if (targetMs != null && value.compareTo(BigDecimal.valueOf(targetMs)) > 0) {
            status = PassStatus.FAIL;
            notes.add(String.format(Locale.ROOT, "%s %s ms is above the target %s ms", metric, fmt(value), targetMs));
        }
        Double baselineMs = null;
        if (baseline != null) {
            baselineMs = baseline.gatedLatencyMs();
            BigDecimal base = BigDecimal.valueOf(baselineMs);
            if (base.signum() <= 0) {
                notes.add("baseline " + metric + " is 0 ms: relative comparison skipped");
            } else {
                BigDecimal changePercent =
                        value.subtract(base).multiply(BigDecimal.valueOf(100)).divide(base, 6, RoundingMode.HALF_UP);
                String change = String.format(
                        Locale.ROOT,
                        "%s %s ms vs baseline %s ms (%+.1f %%)",
                        metric,
                        fmt(value),
                        fmt(base),
                        changePercent.doubleValue());
                if (changePercent.compareTo(failPercent) > 0) {
                    status = PassStatus.FAIL;
                    notes.add(change + ": regression above "
                            + failPercent.stripTrailingZeros().toPlainString() + " %");
                } else if (changePercent.compareTo(warnPercent) > 0) {
                    status = status.worst(PassStatus.WARNING);
                    notes.add(change + ": above "
                            + warnPercent.stripTrailingZeros().toPlainString() + " %");
                } else {
                    notes.add(change);
                }
                EnvironmentInfo now = current.environment();
                EnvironmentInfo then = baseline.environment();
                if (now != null && then != null) {
                    List<String> differences = now.differencesFrom(then);
                    if (!differences.isEmpty()) {
                        notes.add("baseline from a different environment (" + String.join(", ", differences)
                                + "): comparison is indicative");
                    }
                } else {
                    notes.add("baseline or current result has no environment: comparability unknown");
                }
            }
        } else {
            notes.add("no baseline for " + current.serverId() + "/"
                    + current.operationType().wireName());
        }
        return new Verdict(status, baselineMs, List.copyOf(notes));
    }

    public PerformanceBenchmarkResult apply(
            PerformanceBenchmarkResult current,
            @Nullable PerformanceBenchmarkResult baseline,
            @Nullable Double targetMs) {
        Verdict verdict = evaluate(current, baseline, targetMs);
        return current.withVerdict(verdict.status(), verdict.baselineMs(), verdict.notes());
    }

    private static String fmt(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public record Verdict(PassStatus status, @Nullable Double baselineMs, List<String> notes) {}
}
