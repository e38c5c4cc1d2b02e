package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * More concurrent slow requests than workflow-mcp has connections: a few entity queries that each read 3 MB of
 * incompressible entity data hold every connection, and a burst of light queries arrives meanwhile (a query that only
 * scans data without returning it never exhausted the pool on a fast machine; heavy queries alone saturate the event
 * loops, so the 503s could not be timed). The excess must get 503 + Retry-After within the target, nothing else may
 * fail, the process must not restart, and the next request after the burst must be served within the recovery target.
 */
final class PoolExhaustionCheck {

    static final String HEAVY_TYPE = "resilience_heavy";
    private static final int HEAVY_ENTITIES = 100;
    /** A few more than workflow-mcp's 10 connections, so all are held while the light requests arrive. */
    private static final int HEAVY_CONCURRENT = 14;

    private static final Duration HEAVY_HEAD_START = Duration.ofMillis(50);
    private static final int HEAVY_CHARS = 30_000;
    private static final int AFTER_BURST = 10;
    /** Rounds of concurrent light queries, as many as workflow-mcp's 10 connections, before each burst. */
    private static final int POOL_WARM_ROUNDS = 5;

    private static final int POOL_WARM_CONCURRENT = 10;

    private final FaultContext context;

    PoolExhaustionCheck(FaultContext context) {
        this.context = context;
    }

    ResilienceCheckResult run() {
        Instant startedAt = Instant.now();
        WriteLedger ledger = new WriteLedger();
        Verdict verdict = new Verdict();
        createHeavyEntities();
        int restartsBefore = context.platform().restarts(ServerId.WORKFLOW);
        Traffic traffic = context.load(ledger, Set.of(ServerId.WORKFLOW));
        List<Outcome> burst = new ArrayList<>();
        long burstStart = System.nanoTime();
        long burstEnd;
        Long recovery = null;
        int sent = 0;
        try {
            // doubling while a burst did not exhaust the pool (a fast machine); bounded either way
            for (int heavy = HEAVY_CONCURRENT; sent < 7 * context.plan().poolBurst(); heavy *= 2) {
                int light = context.plan().poolBurst() * heavy / HEAVY_CONCURRENT;
                context.progress("pool exhaustion: " + heavy + " heavy entity queries holding workflow-mcp's "
                        + "connections, then " + light + " concurrent light requests");
                warmConnections(heavy + light);
                warmPool();
                traffic.mark(System.nanoTime(), "fault", heavy + " heavy + " + light + " light");
                List<CompletableFuture<Outcome>> futures = new ArrayList<>();
                for (int i = 0; i < heavy; i++) {
                    futures.add(context.calls().sendDiscardingBody(ServerId.WORKFLOW, "heavy_query", heavyQuery()));
                }
                FaultContext.pause(HEAVY_HEAD_START);
                for (int i = 0; i < light; i++) {
                    futures.add(context.calls().sendAsync(ServerId.WORKFLOW, "light_query", lightQuery(), json -> {}));
                }
                sent += heavy + light;
                futures.forEach(f -> {
                    Outcome outcome = f.join();
                    burst.add(outcome);
                    traffic.record(outcome);
                });
                if (burst.stream().anyMatch(o -> o.status() == 503)) {
                    break;
                }
            }
            burstEnd = burst.stream().mapToLong(Outcome::endNanos).max().orElse(System.nanoTime());
            long light = System.nanoTime();
            traffic.mark(light, "recovery", "burst answered");
            if (FaultContext.until(() -> traffic.succeededSince(ServerId.WORKFLOW, light), context.readyTimeout())) {
                recovery = UnavailableWindow.toMs(
                        UnavailableWindow.firstSuccessAfter(traffic.outcomes(ServerId.WORKFLOW), light)
                                        .getAsLong()
                                - burstEnd);
            }
        } finally {
            traffic.close();
        }
        List<Outcome> after = new ArrayList<>();
        for (int i = 0; i < AFTER_BURST; i++) {
            after.add(context.calls().createWorkItem(ledger));
        }
        context.verify(ledger);
        List<Outcome> rejected = burst.stream().filter(o -> o.status() == 503).toList();
        long other =
                burst.stream().filter(o -> !o.succeeded() && o.status() != 503).count();
        long noRetryAfter = rejected.stream().filter(o -> !o.retryAfter()).count();
        double rejectP95 = DatabaseOutageCheck.percentile95(rejected);
        double rejectMax = rejected.stream().mapToDouble(Outcome::millis).max().orElse(0);
        long afterFailed = after.stream().filter(o -> !o.succeeded()).count();
        int restarts = context.platform().restarts(ServerId.WORKFLOW) - restartsBefore;
        var targets = context.targets();
        verdict.detail("burst_requests", burst.size())
                .detail("rejected_503", rejected.size())
                .detail("served", burst.stream().filter(Outcome::succeeded).count())
                .detail("reject_p95_ms", rejectP95)
                .detail("reject_max_ms", Math.round(rejectMax * 100) / 100.0)
                .detail("failures_other_than_503", other)
                .detail("restarts", restarts)
                .require(!rejected.isEmpty(), burst.size() + " concurrent heavy queries never exhausted the pool")
                .require(noRetryAfter == 0, noRetryAfter + " answers 503 without Retry-After")
                .require(
                        rejectP95 <= targets.poolRejectMs(),
                        "503 answered in p95 " + rejectP95 + " ms, target " + targets.poolRejectMs())
                .require(other == 0, other + " burst requests failed with something other than 503")
                .require(restarts == 0, "workflow-mcp restarted " + restarts + " times")
                .require(recovery != null, "workflow-mcp served nothing after the burst")
                .require(
                        recovery == null || recovery <= targets.poolRecoveryMs(),
                        "first success " + recovery + " ms after the burst, target " + targets.poolRecoveryMs())
                .require(afterFailed == 0, afterFailed + " of " + AFTER_BURST + " writes right after the burst failed");
        context.progress("  " + rejected.size() + " of " + burst.size() + " got 503 (p95 " + rejectP95
                + " ms), full service " + recovery + " ms after the burst");
        List<Outcome> outcomes = new ArrayList<>(traffic.outcomes(ServerId.WORKFLOW));
        outcomes.addAll(after);
        return context.result(
                ServerId.WORKFLOW,
                FaultKind.POOL_EXHAUSTION,
                startedAt,
                rejected.isEmpty()
                        ? null
                        : UnavailableWindow.toMs(rejected.stream()
                                        .mapToLong(Outcome::endNanos)
                                        .min()
                                        .getAsLong()
                                - burstStart),
                recovery,
                null,
                outcomes,
                ledger,
                verdict,
                traffic.timeline(ServerId.WORKFLOW));
    }

    private HttpRequest lightQuery() {
        return context.calls()
                .postJson(
                        ServerId.WORKFLOW,
                        "/mcp/entities/query",
                        Map.of(
                                "limit",
                                1,
                                "project_id",
                                context.calls().fixture().projectId()));
    }

    private HttpRequest heavyQuery() {
        return context.calls()
                .postJson(
                        ServerId.WORKFLOW,
                        "/mcp/entities/query",
                        Map.of(
                                "entity_type",
                                HEAVY_TYPE,
                                "limit",
                                HEAVY_ENTITIES,
                                "project_id",
                                context.calls().fixture().projectId()));
    }

    private void createHeavyEntities() {
        String startedAtSuffix = Long.toString(System.nanoTime(), 36);
        // random hex: the data must not compress away in PostgreSQL's TOAST, or the scan would be cheap
        Random random = new Random(42);
        for (int i = 0; i < HEAVY_ENTITIES; i++) {
            byte[] bytes = new byte[HEAVY_CHARS / 2];
            random.nextBytes(bytes);
            String filler = HexFormat.of().formatHex(bytes);
            HttpRequest request = context.calls()
                    .postJson(
                            ServerId.WORKFLOW,
                            "/mcp/entities",
                            Map.of(
                                    "project_id", context.calls().fixture().projectId(),
                                    "entity_type", HEAVY_TYPE,
                                    "name", "heavy-" + startedAtSuffix + "-" + i,
                                    "data", Map.of("payload", filler),
                                    "tags", List.of("resilience")));
            Outcome outcome = ServiceCalls.retrying(
                    () -> context.calls().send(ServerId.WORKFLOW, "create_entity", request, json -> {}));
            if (!outcome.succeeded()) {
                throw new IllegalStateException("could not create the heavy entities: " + outcome.errorType());
            }
        }
    }

    /**
     * Grows workflow-mcp's pool to its maximum beforehand (it keeps idle connections for minutes), so the burst meets
     * a pool at full size: otherwise the first requests wait for new database connections to be made, and what is
     * measured is connection set-up on a busy machine rather than the answer of an exhausted pool.
     */
    private void warmPool() {
        for (int round = 0; round < POOL_WARM_ROUNDS; round++) {
            List<CompletableFuture<Outcome>> warm = new ArrayList<>();
            for (int i = 0; i < POOL_WARM_CONCURRENT; i++) {
                warm.add(context.calls().sendAsync(ServerId.WORKFLOW, "warm_pool", lightQuery(), json -> {}));
            }
            warm.forEach(CompletableFuture::join);
        }
    }

    /**
     * Opens the burst's connections beforehand (the client keeps them alive), so the 503 latency measured is the
     * service's answer and not a hundred TCP connections set up by the caller on a saturated machine.
     */
    private void warmConnections(int count) {
        List<CompletableFuture<Outcome>> warm = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            warm.add(context.calls()
                    .sendAsync(
                            ServerId.WORKFLOW,
                            "warm_connection",
                            context.calls().get(ServerId.WORKFLOW, "/health"),
                            json -> {}));
        }
        warm.forEach(CompletableFuture::join);
    }
}
