package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import dev.mcpstack.validator.report.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * SPEC §6 resilience, in the order of the issue: kills, graceful stops, database outage, dependency down, pool
 * exhaustion, stale references. Each fault becomes ResilienceCheckResults plus one verdict line per result; a check
 * that blows up becomes a failed line, and the next one starts from a ready stack.
 */
public final class ResilienceSuite {

    static final String SUITE = "resilience";

    private static final List<FaultKind> ORDER = List.of(
            FaultKind.PROCESS_KILL,
            FaultKind.GRACEFUL_STOP,
            FaultKind.DATABASE_OUTAGE,
            FaultKind.DEPENDENCY_DOWN,
            FaultKind.POOL_EXHAUSTION,
            FaultKind.STALE_REFERENCE);

    private final Http http;
    private final Platform platform;
    private final ResilienceProperties properties;
    private final String profile;
    private final Consumer<String> progress;
    private Consumer<WriteLedger> beforeReadBack = ledger -> {};
    private @Nullable FaultContext context;

    public ResilienceSuite(
            Http http, Platform platform, ResilienceProperties properties, String profile, Consumer<String> progress) {
        this.http = http;
        this.platform = platform;
        this.properties = properties;
        this.profile = profile;
        this.progress = progress;
    }

    /** For the test that proves a lost write is caught: runs before every read-back of the ledger. */
    ResilienceSuite beforeReadBack(Consumer<WriteLedger> hook) {
        this.beforeReadBack = hook;
        return this;
    }

    /** The faults asked for ({@code only} empty: all), always in the suite's order. */
    public List<ResilienceCheckResult> run(List<FaultKind> only, List<CheckResult> checks) {
        List<ResilienceCheckResult> results = new ArrayList<>();
        for (FaultKind fault : selected(only)) {
            results.addAll(run(fault, checks));
        }
        return results;
    }

    /** {@code process_kill} and {@code pod_kill} both select the platform's kill. */
    static List<FaultKind> selected(List<FaultKind> only) {
        return ORDER.stream()
                .filter(fault -> only.isEmpty()
                        || only.contains(fault)
                        || (fault == FaultKind.PROCESS_KILL && only.contains(FaultKind.POD_KILL)))
                .toList();
    }

    /** One fault kind ({@code process_kill} stands for the platform's kill, {@code pod_kill} on Kubernetes). */
    public List<ResilienceCheckResult> run(FaultKind fault, List<CheckResult> checks) {
        List<ResilienceCheckResult> results = new ArrayList<>();
        switch (fault) {
            case PROCESS_KILL, POD_KILL -> {
                for (ServerId server : ServerId.values()) {
                    guarded(
                            checks,
                            results,
                            fault + " " + server,
                            () -> List.of(new ProcessKillCheck(context()).run(server)));
                }
            }
            case GRACEFUL_STOP -> {
                for (ServerId server : ServerId.values()) {
                    guarded(
                            checks,
                            results,
                            fault + " " + server,
                            () -> List.of(new GracefulStopCheck(context()).run(server)));
                }
            }
            case DATABASE_OUTAGE ->
                guarded(checks, results, fault.wireName(), () -> new DatabaseOutageCheck(context()).run());
            case DEPENDENCY_DOWN ->
                guarded(checks, results, fault.wireName(), () -> List.of(new DependencyDownCheck(context()).run()));
            case POOL_EXHAUSTION ->
                guarded(checks, results, fault.wireName(), () -> List.of(new PoolExhaustionCheck(context()).run()));
            case STALE_REFERENCE ->
                guarded(
                        checks,
                        results,
                        fault.wireName(),
                        () -> List.of(new StaleReferenceCheck(
                                        context(),
                                        new RepositoryFixtures(context().calls()))
                                .run()));
        }
        return results;
    }

    private void guarded(
            List<CheckResult> checks,
            List<ResilienceCheckResult> results,
            String name,
            Supplier<List<ResilienceCheckResult>> check) {
        try {
            for (ResilienceCheckResult result : check.get()) {
                results.add(result);
                checks.add(new CheckResult(SUITE, result.checkId(), result.passStatus(), summary(result)));
            }
        } catch (RuntimeException e) {
            checks.add(CheckResult.fail(SUITE, name, "could not run: " + e.getMessage()));
            recover();
        }
    }

    /** After a check that blew up: every service back and ready before the next one starts. */
    private void recover() {
        for (ServerId server : ServerId.values()) {
            try {
                platform.awaitReady(server, properties.readyTimeout());
            } catch (RuntimeException notReady) {
                try {
                    platform.startService(server, properties.readyTimeout());
                } catch (RuntimeException e) {
                    progress.accept(server + " could not be brought back: " + e.getMessage());
                }
            }
        }
    }

    /** Set up on first use: a project for the work items and a small indexed repository for their references. */
    private FaultContext context() {
        if (context == null) {
            // set-up is not measured: the run's ordinary request timeout, not the short one of the checks
            ServiceCalls bootstrap =
                    new ServiceCalls(http, http.timeout(), platform, new ServiceCalls.Fixture("", List.of()));
            String project = createProject(bootstrap);
            List<String> chunks = new RepositoryFixtures(bootstrap)
                    .index("resilience-fixture-" + Long.toString(System.nanoTime(), 36), 5)
                    .chunkIds();
            ServiceCalls calls = new ServiceCalls(
                    http, properties.requestTimeout(), platform, new ServiceCalls.Fixture(project, chunks));
            context = new FaultContext(platform, calls, properties, properties.plan(profile), progress, beforeReadBack);
        }
        return context;
    }

    private static String createProject(ServiceCalls calls) {
        String[] id = new String[1];
        Outcome outcome = ServiceCalls.retrying(() -> calls.send(
                ServerId.WORKFLOW,
                "create_project",
                calls.postJson(
                        ServerId.WORKFLOW,
                        "/mcp/projects",
                        Map.of("name", "resilience-" + Long.toString(System.nanoTime(), 36))),
                json -> id[0] = json.path("id").asString()));
        if (!outcome.succeeded() || id[0] == null) {
            throw new IllegalStateException("could not create the resilience project: " + outcome.errorType());
        }
        return id[0];
    }

    static String summary(ResilienceCheckResult r) {
        StringBuilder text = new StringBuilder();
        if (r.detectionMs() != null) {
            text.append("detection ").append(r.detectionMs()).append(" ms, ");
        }
        if (r.recoveryMs() != null) {
            text.append("recovery ").append(r.recoveryMs()).append(" ms, ");
        }
        if (r.unavailableWindowMs() != null) {
            text.append("window ").append(r.unavailableWindowMs()).append(" ms, ");
        }
        text.append(r.requestsFailed())
                .append("/")
                .append(r.requestsTotal())
                .append(" failed, ")
                .append(r.lostWrites())
                .append("/")
                .append(r.acknowledgedWrites())
                .append(" writes lost");
        if (r.passStatus() != PassStatus.PASS) {
            text.append("; ").append(String.join("; ", r.notes()));
        }
        return text.toString();
    }
}
