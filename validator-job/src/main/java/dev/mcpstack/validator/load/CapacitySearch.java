package dev.mcpstack.validator.load;

import dev.mcpstack.validator.config.LoadModes.Capacity;
import dev.mcpstack.validator.model.LoadTestResult.OperationStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The capacity figure of SPEC §6: constant-arrival-rate steps (open model, latency from each request's intended
 * start), each {@code factor} times the last, until an operation's p95 exceeds its target or any request fails. The
 * highest rate held is what one instance can be planned for on this machine.
 */
public final class CapacitySearch {

    static final int LOW_RATE_MISSES = 3;
    static final int MISSES_AFTER_HELD = 2;

    private final LoadEngine engine;
    private final Capacity capacity;
    private final Function<String, @Nullable Double> targetMs;

    public CapacitySearch(LoadEngine engine, Capacity capacity, Function<String, @Nullable Double> targetMs) {
        this.engine = engine;
        this.capacity = capacity;
        this.targetMs = targetMs;
    }

    /** One step: the rate offered, what came back, and the operation closest to (or over) its target. */
    public record Step(
            int rate,
            LoadStats stats,
            @Nullable String worstOperation,
            double worstP95Ms,
            double worstTargetMs,
            boolean held) {

        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "%d/s %s (%s p95 %.2f ms / %.0f ms, errors %d)",
                    rate,
                    held ? "held" : "NOT held",
                    worstOperation == null ? "-" : worstOperation,
                    worstP95Ms,
                    worstTargetMs,
                    stats.failed());
        }
    }

    /** Steps in order; the last one ended the search (an error, or the misses above) unless the step limit came first. */
    public record Result(List<Step> steps) {
        public int highestHeld() {
            return steps.stream().filter(Step::held).mapToInt(Step::rate).max().orElse(0);
        }
    }

    public Result run(OperationMix mix, Consumer<String> progress) {
        List<Step> steps = new ArrayList<>();
        double rate = capacity.startRate();
        int misses = 0;
        for (int i = 0; i < capacity.maxSteps(); i++) {
            int offered = (int) Math.round(rate);
            LoadRecorder recorder = engine.runOpen(offered, capacity.step(), mix, line -> {});
            Step step = judge(offered, recorder.all());
            steps.add(step);
            progress.accept("  capacity step " + (i + 1) + ": " + step.describe());
            misses = step.held() ? 0 : misses + 1;
            if (step.stats().failed() > 0 || misses >= (heldBefore(steps) ? MISSES_AFTER_HELD : LOW_RATE_MISSES)) {
                break;
            }
            rate *= capacity.factor();
        }
        return new Result(List.copyOf(steps));
    }

    /**
     * A step missed by latency alone does not end the search at once. Before any step was held: on a virtual machine an
     * idle CPU takes about a millisecond and a half to wake for each request (measured: {@code /health} p50 1.8 ms at
     * 25 requests/s, 0.4 ms at 400/s, 0.1 ms back to back), so the lowest rates can be slower than higher ones; the
     * search goes on for {@value #LOW_RATE_MISSES} such steps. After a held step: a 3 s step at 50/s times about 40
     * switches, whose p95 is their second slowest, so one miss can be noise; two in a row end it. Any failed request
     * ends it at once.
     */
    private static boolean heldBefore(List<Step> steps) {
        return steps.stream().anyMatch(Step::held);
    }

    Step judge(int rate, LoadStats stats) {
        String worst = null;
        double worstRatio = -1;
        double worstP95 = 0;
        double worstTarget = 0;
        boolean withinTargets = true;
        for (OperationStats operation : stats.operations()) {
            Double target = targetMs.apply(operation.operation());
            if (target == null) {
                continue;
            }
            double ratio = operation.latencyP95Ms() / target;
            withinTargets &= operation.latencyP95Ms() <= target;
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = operation.operation();
                worstP95 = operation.latencyP95Ms();
                worstTarget = target;
            }
        }
        return new Step(
                rate, stats, worst, worstP95, worstTarget, withinTargets && stats.total() > 0 && stats.failed() == 0);
    }

    public Duration stepDuration() {
        return capacity.step();
    }
}
