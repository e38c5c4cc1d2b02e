package dev.mcpstack.validator.load;

import dev.mcpstack.validator.benchmarks.StackClient;
import dev.mcpstack.validator.config.LoadModes;
import dev.mcpstack.validator.config.LoadModes.Capacity;
import dev.mcpstack.validator.config.ValidatorProperties;
import dev.mcpstack.validator.config.ValidatorProperties.Profile;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.ResourceUsageStats;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.report.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * SPEC §6 load, in this order: the staged closed model with think time (each VU a user, the "50 concurrent clients"
 * SLO judged on its peak window), the open model, stress (the peak VUs without think time: sheds cleanly?), the
 * capacity search per service, and the soak when asked for.
 */
public final class LoadSuite {

    static final String SUITE = "load";
    private static final Duration RECOVERY = Duration.ofSeconds(2);
    private static final int HEALTH_PROBE_RATE = 20;
    private static final int WARMUP_USERS = 10;

    private final StackClient stack;
    private final ValidatorProperties properties;
    private final LoadModes modes;
    private final Profile profile;
    private final LoadModes.Plan plan;
    private final String runId;
    private final Consumer<String> progress;
    private final JitClock jit;

    public LoadSuite(
            StackClient stack,
            ValidatorProperties properties,
            LoadModes modes,
            Profile profile,
            LoadModes.Plan plan,
            String runId,
            Consumer<String> progress) {
        this.stack = stack;
        this.properties = properties;
        this.modes = modes;
        this.profile = profile;
        this.plan = plan;
        this.runId = runId;
        this.progress = progress;
        this.jit = new JitClock(stack.http(), stack.platform());
    }

    public List<CheckResult> run(List<LoadTestResult> results) {
        List<CheckResult> checks = new ArrayList<>();
        OperationMix mix = LoadMix.create(stack, runId, profile.files());
        int users = profile.stages().isEmpty() ? 50 : new StagePlan(profile.stages()).maxUsers();
        try (LoadEngine engine = new LoadEngine(stack.http().timeout())) {
            warmUp(engine, mix);
            if (!profile.stages().isEmpty()) {
                staged(engine, mix, checks, results);
            }
            if (profile.openRate() > 0) {
                progress.accept("load: open model, " + profile.openRate() + " req/s for "
                        + profile.openDuration().toSeconds() + " s");
                long @Nullable [] ticks = MachineLoad.cpuTicks();
                LoadTestResult result = measured(
                        "mcp-stack",
                        "constant arrival rate " + profile.openRate() + "/s",
                        "open",
                        profile.openRate(),
                        () -> engine.runOpen(profile.openRate(), profile.openDuration(), mix, progress));
                results.add(result);
                checks.add(LoadVerdicts.thresholds(
                        "open model " + profile.openRate() + "/s",
                        result,
                        properties.load().maxP95Ms(),
                        properties.load().maxErrorPercent(),
                        MachineLoad.busyPercent(ticks, MachineLoad.cpuTicks())));
            }
            if (!plan.stress().isZero()) {
                stress(engine, mix, users, checks, results);
            }
            if (plan.capacity() != null) {
                capacity(engine, mix, plan.capacity(), checks, results);
            }
            if (!plan.soak().isZero()) {
                new Soak(stack, modes.soakLimits(), progress)
                        .run(engine, mix, StagePlan.constant(users, plan.soak()), plan.thinkTime(), checks, results);
            }
        }
        return checks;
    }

    /**
     * Unrecorded rounds of the mix from {@value #WARMUP_USERS} VUs without think time until the rate is steady and
     * the JIT compilers are quiet ({@link SteadyState}), at most the profile's {@code warmup-time}: the benchmarks
     * warmed up search, switch and entity query, but not work-item creation or the mix's other requests, and the
     * staged load's {@code /health} probe otherwise waited for the cores the compilers held.
     */
    private void warmUp(LoadEngine engine, OperationMix mix) {
        if (profile.warmupTime().isZero()) {
            return;
        }
        progress.accept("load: warm-up, the mix from " + WARMUP_USERS + " VUs until steady (at most "
                + profile.warmupTime().toSeconds() + " s, not recorded)");
        SteadyState.Warmed warmed = SteadyState.warm(
                () -> engine.runClosed(StagePlan.constant(WARMUP_USERS, SteadyState.ROUND), mix, line -> {})
                        .all()
                        .total(),
                jit::seconds,
                profile.warmupTime());
        progress.accept(String.format(
                Locale.ROOT,
                "  %s after %d rounds (the JIT compiled for %.0f ms in the last one)",
                warmed.steady() ? "steady" : "not steady",
                warmed.rounds(),
                1000 * warmed.lastRoundJitSeconds()));
    }

    private void staged(LoadEngine engine, OperationMix mix, List<CheckResult> checks, List<LoadTestResult> results) {
        StagePlan stages = new StagePlan(profile.stages());
        String paced = "think time " + plan.thinkTime().toMillis() + " ms";
        progress.accept("load: closed model, " + profile.stages().size() + " stages up to " + stages.maxUsers()
                + " VUs over " + stages.totalDuration().toSeconds() + " s, " + paced);
        Map<ServerId, ResourceSampler> samplers = samplers();
        Instant started = Instant.now();
        long start = System.nanoTime();
        // a probe of its own (the mix's own /health requests were too few, about 100, for a p99), on an engine of
        // its own: on the load's event loops its answers would wait behind the load's responses in the client
        LoadRecorder probed;
        LoadRecorder recorder;
        Duration elapsed;
        long @Nullable [] ticksAtStart = MachineLoad.cpuTicks();
        double jitAtStart = jit.seconds();
        @Nullable Double busy;
        try (LoadEngine probe = new LoadEngine(stack.http().timeout())) {
            CompletableFuture<LoadRecorder> healthProbe = CompletableFuture.supplyAsync(() -> probe.runOpen(
                    HEALTH_PROBE_RATE * ServerId.values().length, stages.totalDuration(), healthMix(), line -> {}));
            recorder = engine.runClosed(stages, mix, plan.thinkTime(), progress);
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            busy = MachineLoad.busyPercent(ticksAtStart, MachineLoad.cpuTicks());
            probed = healthProbe.join();
        }
        long jitMillis = Math.round(1000 * (jit.seconds() - jitAtStart));
        Map<String, LoadStats> health = probed.groups();
        for (ServerId server : ServerId.values()) {
            LoadStats stats = recorder.groups().getOrDefault(server.wireName(), new LoadStats());
            ResourceUsageStats resources = samplers.get(server).stop();
            if (stats.total() == 0) {
                checks.add(CheckResult.fail(SUITE, "staged " + server, "no requests recorded"));
                continue;
            }
            LoadTestResult result = LoadResults.toResult(
                    stats,
                    server.wireName(),
                    "staged closed model to " + stages.maxUsers() + " VUs, " + paced,
                    "closed",
                    stages.maxUsers(),
                    started,
                    elapsed,
                    resources);
            results.add(result);
            checks.add(LoadVerdicts.thresholds(
                    "staged " + server,
                    result,
                    properties.load().maxP95Ms(),
                    properties.load().maxErrorPercent(),
                    busy));
            checks.add(LoadVerdicts.healthUnderLoad(
                    "health under load " + server,
                    health.getOrDefault(server.wireName(), new LoadStats()),
                    probed.dispatchLagMs(99),
                    busy,
                    jitMillis,
                    modes.healthUnderLoadP99Ms()));
        }
        LoadStats peak = recorder.peak();
        if (peak.total() == 0) {
            checks.add(CheckResult.fail(
                    SUITE, "peak concurrency", "the run never reached its peak of " + stages.maxUsers() + " VUs"));
            return;
        }
        LoadTestResult peakResult = LoadResults.toResult(
                peak,
                "mcp-stack",
                stages.maxUsers() + " concurrent clients (peak window of the staged run, " + paced + ")",
                "closed",
                stages.maxUsers(),
                started,
                elapsed,
                ResourceUsageStats.none("see the per-service results"));
        results.add(peakResult);
        checks.add(LoadVerdicts.thresholds(
                stages.maxUsers() + " concurrent clients",
                peakResult,
                properties.load().concurrentP95Ms(),
                properties.load().concurrentErrorPercent(),
                busy));
    }

    /** {@code /health} of each service, {@value #HEALTH_PROBE_RATE} per second each. */
    private OperationMix healthMix() {
        List<LoadOperation> probes = new ArrayList<>();
        for (ServerId server : ServerId.values()) {
            probes.add(new LoadOperation(
                    server.wireName(),
                    LoadVerdicts.HEALTH,
                    1,
                    () -> LoadRequest.get(stack.platform().baseUrl(server).resolve("/health"))));
        }
        return new OperationMix(probes);
    }

    private void stress(
            LoadEngine engine, OperationMix mix, int users, List<CheckResult> checks, List<LoadTestResult> results) {
        progress.accept("load: stress, " + users + " VUs without think time for "
                + plan.stress().toSeconds() + " s");
        LoadTestResult result = measured(
                "mcp-stack",
                users + " VUs without think time (stress)",
                "closed",
                users,
                () -> engine.runClosed(StagePlan.constant(users, plan.stress()), mix, Duration.ZERO, progress));
        results.add(result);
        // right after the stress, a few paced users: every request must succeed again
        LoadRecorder recovery =
                engine.runClosed(StagePlan.constant(5, RECOVERY), mix, Duration.ofMillis(100), line -> {});
        checks.add(StressCheck.judge("stress " + users + " VUs, no think time", result, recovery.all()));
    }

    private void capacity(
            LoadEngine engine,
            OperationMix mix,
            Capacity capacity,
            List<CheckResult> checks,
            List<LoadTestResult> results) {
        CapacitySearch search = new CapacitySearch(engine, capacity, modes::capacityTargetMs);
        for (ServerId server : ServerId.values()) {
            progress.accept("load: capacity of " + server + ", open-model steps from " + capacity.startRate() + "/s x"
                    + capacity.factor() + ", " + capacity.step().toSeconds() + " s each");
            Instant started = Instant.now();
            long @Nullable [] ticks = MachineLoad.cpuTicks();
            CapacitySearch.Result found = search.run(mix.only(server.wireName()), progress);
            @Nullable Double busy = MachineLoad.busyPercent(ticks, MachineLoad.cpuTicks());
            for (int i = 0; i < found.steps().size(); i++) {
                CapacitySearch.Step step = found.steps().get(i);
                results.add(LoadResults.toResult(
                        step.stats(),
                        server.wireName(),
                        "capacity step " + (i + 1) + ": " + step.rate() + "/s, " + (step.held() ? "held" : "NOT held"),
                        "open",
                        step.rate(),
                        started,
                        capacity.step(),
                        ResourceUsageStats.none("capacity steps are not sampled")));
            }
            int floor = capacity.floors().getOrDefault(server.wireName(), 0);
            checks.add(LoadVerdicts.capacity("capacity " + server, found, floor, busy));
        }
    }

    private LoadTestResult measured(
            String server, String scenario, String model, int clients, Supplier<LoadRecorder> run) {
        ResourceSampler sampler = new ResourceSampler(
                stack.http(),
                List.of(
                        stack.platform().baseUrl(ServerId.CODEBASE),
                        stack.platform().baseUrl(ServerId.WORKFLOW)));
        Instant started = Instant.now();
        long start = System.nanoTime();
        LoadRecorder recorder = run.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return LoadResults.toResult(recorder.all(), server, scenario, model, clients, started, elapsed, sampler.stop());
    }

    private Map<ServerId, ResourceSampler> samplers() {
        Map<ServerId, ResourceSampler> samplers = new EnumMap<>(ServerId.class);
        for (ServerId server : ServerId.values()) {
            samplers.put(
                    server,
                    new ResourceSampler(stack.http(), List.of(stack.platform().baseUrl(server))));
        }
        return samplers;
    }
}
