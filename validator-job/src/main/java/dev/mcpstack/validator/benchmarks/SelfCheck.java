package dev.mcpstack.validator.benchmarks;

import dev.mcpstack.validator.load.LoadEngine;
import dev.mcpstack.validator.load.LoadOperation;
import dev.mcpstack.validator.load.LoadRecorder;
import dev.mcpstack.validator.load.LoadRequest;
import dev.mcpstack.validator.load.OperationMix;
import dev.mcpstack.validator.load.StagePlan;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.report.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Times a sample of each benchmarked operation again in the load engine's closed model (Reactor Netty event loops,
 * the client that keeps up with {@code wrk}), at the benchmark's concurrency, after all benchmarks: a benchmark p95
 * more than 20 % away says the service or the machine was not the same during the benchmark. The benchmarks run in
 * the same engine, so it is not their client; what it was measured to be is the services' JIT still compiling, whose
 * CPU time during the benchmark's requests the detail quotes ({@code jit_ms_during_measurement}). A warning, not a
 * failure: both figures are in the detail.
 */
final class SelfCheck {

    static final double TOLERANCE_PERCENT = 20;
    private static final Duration WARMUP = Duration.ofSeconds(1);
    private static final Duration SAMPLE = Duration.ofSeconds(2);

    private record Sample(ServerId server, OperationType operation, int clients, Supplier<LoadRequest> request) {}

    private final List<Sample> samples = new ArrayList<>();

    void sample(ServerId server, OperationType operation, int clients, Supplier<LoadRequest> request) {
        samples.add(new Sample(server, operation, clients, request));
    }

    List<CheckResult> run(LoadEngine engine, List<PerformanceBenchmarkResult> results) {
        List<CheckResult> checks = new ArrayList<>();
        for (Sample sample : samples) {
            results.stream()
                    .filter(r -> r.serverId() == sample.server() && r.operationType() == sample.operation())
                    .findFirst()
                    .ifPresent(result -> checks.add(check(engine, sample, result)));
        }
        return checks;
    }

    private static CheckResult check(LoadEngine engine, Sample sample, PerformanceBenchmarkResult result) {
        OperationMix mix = new OperationMix(
                List.of(new LoadOperation("", sample.operation().wireName(), 1, sample.request())));
        engine.runClosed(StagePlan.constant(sample.clients(), WARMUP), mix, line -> {});
        LoadRecorder recorder = engine.runClosed(StagePlan.constant(sample.clients(), SAMPLE), mix, line -> {});
        String name = "self-check " + sample.server() + " " + sample.operation().wireName();
        if (recorder.all().failed() > 0 || recorder.all().total() == 0) {
            return new CheckResult(
                    "benchmarks",
                    name,
                    PassStatus.WARNING,
                    "the load engine's sample had " + recorder.all().failed() + " failed of "
                            + recorder.all().total() + " requests: no comparison");
        }
        double engineP95 = recorder.all().histogram().getValueAtPercentile(95) / 1000.0;
        return judge(
                name,
                result.latencyP95Ms(),
                engineP95,
                sample.clients(),
                recorder.all().total(),
                result.testParameters().get("jit_ms_during_measurement"));
    }

    static CheckResult judge(
            String name,
            double benchmarkP95,
            double engineP95,
            int clients,
            long requests,
            @Nullable Object benchmarkJitMillis) {
        double difference = engineP95 <= 0 ? 0 : 100.0 * (benchmarkP95 - engineP95) / engineP95;
        boolean agrees = Math.abs(difference) <= TOLERANCE_PERCENT;
        String detail = String.format(
                Locale.ROOT,
                "benchmark p95 %.2f ms vs load engine p95 %.2f ms (%d requests, %d clients): %+.1f %% (within"
                        + " ±%.0f %% %s)%s",
                benchmarkP95,
                engineP95,
                requests,
                clients,
                difference,
                TOLERANCE_PERCENT,
                agrees ? "ok" : "DISAGREES",
                agrees
                        ? ""
                        : difference > 0
                                ? "; likely cause: the services were slower during the benchmark than later (the JIT"
                                        + " compiled for " + benchmarkJitMillis + " ms during its requests), not"
                                        + " its client: both run in the load engine"
                                : "; likely cause: the machine's load changed between the two measurements");
        return new CheckResult("benchmarks", name, agrees ? PassStatus.PASS : PassStatus.WARNING, detail);
    }
}
