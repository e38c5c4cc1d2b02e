package dev.mcpstack.validator.load;

import dev.mcpstack.testsupport.repository.SyntheticRepository;
import dev.mcpstack.validator.benchmarks.StackClient;
import dev.mcpstack.validator.config.ValidatorProperties;
import dev.mcpstack.validator.config.ValidatorProperties.Profile;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.ResourceUsageStats;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.report.CheckResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * SPEC §6 load: a staged closed-model run over a mix of both services' operations (search, health, project switch,
 * entity query, work item create), then an open-model constant-arrival-rate run; each judged against the k6
 * thresholds, and the peak-concurrency window against SPEC §8's stricter figures.
 */
public final class LoadSuite {

    static final String SUITE = "load";

    private final StackClient stack;
    private final ValidatorProperties properties;
    private final Profile profile;
    private final String runId;
    private final Consumer<String> progress;

    public LoadSuite(
            StackClient stack,
            ValidatorProperties properties,
            Profile profile,
            String runId,
            Consumer<String> progress) {
        this.stack = stack;
        this.properties = properties;
        this.profile = profile;
        this.runId = runId;
        this.progress = progress;
    }

    public List<CheckResult> run(List<LoadTestResult> results) {
        List<CheckResult> checks = new ArrayList<>();
        OperationMix mix = mix();
        try (LoadEngine engine = new LoadEngine(stack.http().timeout())) {
            run(engine, mix, checks, results);
        }
        return checks;
    }

    private void run(LoadEngine engine, OperationMix mix, List<CheckResult> checks, List<LoadTestResult> results) {
        if (!profile.stages().isEmpty()) {
            StagePlan plan = new StagePlan(profile.stages());
            progress.accept("load: closed model, " + profile.stages().size() + " stages up to " + plan.maxUsers()
                    + " VUs over " + plan.totalDuration().toSeconds() + " s");
            Map<ServerId, ResourceSampler> samplers = samplers();
            Instant started = Instant.now();
            long start = System.nanoTime();
            LoadRecorder recorder = engine.runClosed(plan, mix, progress);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
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
                        "staged closed model to " + plan.maxUsers() + " VUs",
                        "closed",
                        plan.maxUsers(),
                        started,
                        elapsed,
                        resources);
                results.add(result);
                checks.add(thresholds(
                        "staged " + server,
                        result,
                        properties.load().maxP95Ms(),
                        properties.load().maxErrorPercent()));
            }
            LoadStats peak = recorder.peak();
            if (peak.total() > 0) {
                LoadTestResult peakResult = LoadResults.toResult(
                        peak,
                        "mcp-stack",
                        plan.maxUsers() + " concurrent clients (peak window of the staged run)",
                        "closed",
                        plan.maxUsers(),
                        started,
                        elapsed,
                        ResourceUsageStats.none("see the per-service results"));
                checks.add(thresholds(
                        plan.maxUsers() + " concurrent clients",
                        peakResult,
                        properties.load().concurrentP95Ms(),
                        properties.load().concurrentErrorPercent()));
            } else {
                checks.add(CheckResult.fail(
                        SUITE, "peak concurrency", "the run never reached its peak of " + plan.maxUsers() + " VUs"));
            }
        }
        if (profile.openRate() > 0) {
            progress.accept("load: open model, " + profile.openRate() + " req/s for "
                    + profile.openDuration().toSeconds() + " s");
            Map<ServerId, ResourceSampler> samplers = samplers();
            Instant started = Instant.now();
            long start = System.nanoTime();
            LoadRecorder recorder = engine.runOpen(profile.openRate(), profile.openDuration(), mix, progress);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            samplers.get(ServerId.WORKFLOW).stop();
            LoadTestResult result = LoadResults.toResult(
                    recorder.all(),
                    "mcp-stack",
                    "constant arrival rate " + profile.openRate() + "/s",
                    "open",
                    profile.openRate(),
                    started,
                    elapsed,
                    samplers.get(ServerId.CODEBASE).stop());
            results.add(result);
            checks.add(thresholds(
                    "open model " + profile.openRate() + "/s",
                    result,
                    properties.load().maxP95Ms(),
                    properties.load().maxErrorPercent()));
        }
    }

    static CheckResult thresholds(String name, LoadTestResult result, double maxP95Ms, double maxErrorPercent) {
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
        return CheckResult.of(SUITE, name, latencyOk && errorsOk, detail);
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

    /** Data the mix needs (a project with entities, two projects to switch between), then the weighted mix. */
    OperationMix mix() {
        String project = stack.createProject("load-" + runId).path("id").asString();
        String other = stack.createProject("load-other-" + runId).path("id").asString();
        for (int i = 0; i < 50; i++) {
            stack.createEntity(
                    project,
                    i % 2 == 0 ? "service" : "component",
                    "load-entity-" + i,
                    Map.of("owner", "team-" + (i % 5)),
                    List.of("tag-" + (i % 10)));
        }
        List<String> queries =
                SyntheticRepository.of(42, Math.max(1, profile.files())).searchQueries(100);
        URI codebase = stack.platform().baseUrl(ServerId.CODEBASE);
        URI workflow = stack.platform().baseUrl(ServerId.WORKFLOW);
        String cb = ServerId.CODEBASE.wireName();
        String wf = ServerId.WORKFLOW.wireName();
        return new OperationMix(List.of(
                new LoadOperation(
                        cb,
                        "search",
                        4,
                        () -> json(
                                codebase.resolve("/mcp/search"),
                                Map.of("query", queries.get(random(queries.size())), "limit", 10))),
                new LoadOperation(cb, "health", 1, () -> LoadRequest.get(codebase.resolve("/health"))),
                new LoadOperation(
                        wf,
                        "project_switch",
                        2,
                        () -> LoadRequest.post(
                                workflow.resolve("/mcp/projects/" + (random(2) == 0 ? project : other) + "/activate"),
                                Map.of("X-Client-Id", "load-" + runId + "-" + random(50)),
                                new byte[0])),
                new LoadOperation(
                        wf,
                        "entity_query",
                        3,
                        () -> json(
                                workflow.resolve("/mcp/entities/query"),
                                Map.of("project_id", project, "tags_any", List.of("tag-" + random(10)), "limit", 20))),
                new LoadOperation(
                        wf,
                        "work_item_create",
                        1,
                        () -> json(
                                workflow.resolve("/mcp/work_items"),
                                Map.of("project_id", project, "title", "load item " + random(1_000_000)))),
                new LoadOperation(wf, "health", 1, () -> LoadRequest.get(workflow.resolve("/health")))));
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private static LoadRequest json(URI uri, Object body) {
        return LoadRequest.post(uri, Map.of("Content-Type", "application/json"), Json.MAPPER.writeValueAsBytes(body));
    }
}
