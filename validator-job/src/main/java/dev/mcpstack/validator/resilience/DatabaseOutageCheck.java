package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The database stopped under load on both services for the plan's outage, then started again. Per service: when
 * {@code /health} said unhealthy (the detection), how fast requests failed meanwhile (503 + Retry-After), the first
 * success after the database accepts connections again (the reconnect), no restart, no acknowledged write lost.
 */
final class DatabaseOutageCheck {

    private static final Duration HEALTH_POLL = Duration.ofMillis(50);

    private final FaultContext context;

    DatabaseOutageCheck(FaultContext context) {
        this.context = context;
    }

    List<ResilienceCheckResult> run() {
        Instant startedAt = Instant.now();
        Optional<String> refusal = context.platform().databaseFaultRefusal();
        if (refusal.isPresent()) {
            return List.of(refused(startedAt, refusal.get()));
        }
        WriteLedger ledger = new WriteLedger();
        Map<ServerId, Integer> restartsBefore = new EnumMap<>(ServerId.class);
        for (ServerId server : ServerId.values()) {
            restartsBefore.put(server, context.platform().restarts(server));
        }
        Traffic traffic = context.load(ledger, Set.of(ServerId.CODEBASE, ServerId.WORKFLOW));
        Map<ServerId, HealthWatch> watches = new EnumMap<>(ServerId.class);
        long stopNanos;
        long startedNanos;
        try {
            context.progress(
                    "stopping PostgreSQL for " + context.plan().outage().toSeconds() + " s under load");
            stopNanos = System.nanoTime();
            for (ServerId server : ServerId.values()) {
                HealthWatch watch = new HealthWatch(server, stopNanos);
                watches.put(server, watch);
                watch.start();
            }
            traffic.mark(stopNanos, "fault", "database stopped");
            context.platform().stopDatabase();
            FaultContext.pause(context.plan().outage());
            context.platform().startDatabase();
            startedNanos = System.nanoTime();
            traffic.mark(startedNanos, "recovery", "database accepts connections");
            for (ServerId server : ServerId.values()) {
                FaultContext.until(() -> traffic.succeededSince(server, startedNanos), context.readyTimeout());
            }
            FaultContext.pause(context.plan().settle());
        } finally {
            traffic.close();
            watches.values().forEach(HealthWatch::stop);
        }
        context.verify(ledger);
        List<ResilienceCheckResult> results = new ArrayList<>();
        for (ServerId server : ServerId.values()) {
            results.add(judge(
                    server,
                    startedAt,
                    traffic,
                    ledger,
                    watches.get(server),
                    stopNanos,
                    startedNanos,
                    context.platform().restarts(server) - restartsBefore.get(server)));
        }
        return results;
    }

    private ResilienceCheckResult judge(
            ServerId server,
            Instant startedAt,
            Traffic traffic,
            WriteLedger ledger,
            HealthWatch watch,
            long stopNanos,
            long startedNanos,
            int restarts) {
        List<Outcome> outcomes = traffic.outcomes(server);
        Verdict verdict = new Verdict();
        long detectedNanos = watch.unhealthyNanos();
        Long detection = detectedNanos == 0 ? null : UnavailableWindow.toMs(detectedNanos - stopNanos);
        List<Outcome> duringOutage = outcomes.stream()
                .filter(o -> detectedNanos != 0 && o.startNanos() >= detectedNanos && o.endNanos() <= startedNanos)
                .toList();
        List<Outcome> failed = outcomes.stream().filter(o -> !o.succeeded()).toList();
        long not503 = failed.stream().filter(o -> o.status() != 503).count();
        long without = duringOutage.stream()
                .filter(o -> o.status() == 503 && !o.retryAfter())
                .count();
        double fastFailP95 = percentile95(duringOutage);
        OptionalLong reconnected = UnavailableWindow.firstSuccessAfter(outcomes, startedNanos);
        Long reconnect =
                reconnected.isPresent() ? UnavailableWindow.toMs(reconnected.getAsLong() - startedNanos) : null;
        var targets = context.targets();
        verdict.detail("outage_ms", UnavailableWindow.toMs(startedNanos - stopNanos))
                .detail("requests_during_outage", duringOutage.size())
                .detail("fast_fail_p95_ms", fastFailP95)
                .detail("failures_other_than_503", not503)
                .detail("503_without_retry_after", without)
                .detail("restarts", restarts)
                .require(detection != null, server + " /health never said unhealthy while the database was down")
                .require(
                        detection == null || detection <= targets.detectMs(),
                        "detected after " + detection + " ms, target " + targets.detectMs())
                .require(!duringOutage.isEmpty(), "no request was answered during the outage")
                .require(
                        fastFailP95 < targets.fastFailP95Ms(),
                        "fast-fail p95 " + fastFailP95 + " ms, target < " + targets.fastFailP95Ms())
                .require(without == 0, without + " answers 503 without Retry-After")
                .require(not503 == 0, not503 + " failures were not 503 (" + types(failed) + ")")
                .require(reconnect != null, server + " never succeeded after the database came back")
                .require(
                        reconnect == null || reconnect <= targets.reconnectMs(),
                        "reconnected " + reconnect + " ms after the database returned, target " + targets.reconnectMs())
                .require(restarts == 0, server + " was restarted " + restarts + " times during the outage");
        context.progress("  " + server + ": unhealthy after " + detection + " ms, fast-fail p95 " + fastFailP95
                + " ms, reconnected " + reconnect + " ms after the database returned, "
                + ledger.lost(server) + " lost");
        return context.result(
                server,
                FaultKind.DATABASE_OUTAGE,
                startedAt,
                detection,
                reconnect,
                UnavailableWindow.windowOrNull(outcomes, stopNanos),
                outcomes,
                ledger,
                verdict,
                traffic.timeline(server));
    }

    private ResilienceCheckResult refused(Instant startedAt, String why) {
        WriteLedger none = new WriteLedger();
        Verdict verdict = new Verdict().warnUnless(false, "not run: " + why);
        return context.result(
                ServerId.WORKFLOW,
                FaultKind.DATABASE_OUTAGE,
                startedAt,
                null,
                null,
                null,
                List.of(),
                none,
                verdict,
                null);
    }

    static double percentile95(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        double[] millis =
                outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
        int index = (int) Math.ceil(0.95 * millis.length) - 1;
        return Math.round(millis[Math.max(0, index)] * 100) / 100.0;
    }

    private static String types(List<Outcome> failed) {
        return failed.stream()
                .map(o -> String.valueOf(o.errorType()))
                .distinct()
                .sorted()
                .toList()
                .toString();
    }

    /** Polls {@code /health} every 50 ms and keeps when it first answered unhealthy after the fault. */
    private final class HealthWatch {
        private final ServerId server;
        private final long fromNanos;
        private volatile long unhealthy;
        private volatile boolean running = true;

        HealthWatch(ServerId server, long fromNanos) {
            this.server = server;
            this.fromNanos = fromNanos;
        }

        void start() {
            HttpRequest health = context.calls().get(server, "/health");
            Thread thread = new Thread(
                    () -> {
                        while (running && unhealthy == 0) {
                            Outcome outcome = context.calls().send(server, "health", health, json -> {});
                            if (outcome.startNanos() >= fromNanos && outcome.status() == 503) {
                                unhealthy = outcome.endNanos();
                            }
                            FaultContext.pause(HEALTH_POLL);
                        }
                    },
                    "health-watch-" + server.wireName());
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        long unhealthyNanos() {
            return unhealthy;
        }
    }
}
