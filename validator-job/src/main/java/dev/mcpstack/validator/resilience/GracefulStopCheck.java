package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SIGTERM (pod delete with grace) under load, with a burst of requests sent just before the signal so some are in
 * flight: every request sent before the signal must be answered (2xx, or 503 + Retry-After when the service sheds
 * load by design), and a 20 ms readiness probe must see readiness go down
 * before the listener refuses connections.
 */
final class GracefulStopCheck {

    private static final int BURST = 8;
    private static final Duration POLL = Duration.ofMillis(20);

    private final FaultContext context;

    GracefulStopCheck(FaultContext context) {
        this.context = context;
    }

    ResilienceCheckResult run(ServerId server) {
        int stops = context.plan().gracefulStops();
        WriteLedger ledger = new WriteLedger();
        Instant startedAt = Instant.now();
        Verdict verdict = new Verdict();
        List<Map<String, Object>> perStop = new ArrayList<>();
        long ready = 0;
        long window = 0;
        long inFlightFailed = 0;
        Traffic traffic = context.load(ledger, Set.of(server));
        try {
            for (int stop = 1; stop <= stops; stop++) {
                context.progress("stopping " + server + " gracefully (" + stop + "/" + stops + ") under load");
                ReadinessWatch watch = new ReadinessWatch(server);
                List<CompletableFuture<Outcome>> burst = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    burst.add(burstRequest(server, ledger));
                }
                long signalNanos = System.nanoTime();
                traffic.mark(signalNanos, "fault", "SIGTERM " + stop);
                watch.start(signalNanos);
                context.platform().stopInstanceGracefully(server);
                long exitedNanos = System.nanoTime();
                burst.forEach(f -> traffic.record(f.join()));
                context.platform().awaitReady(server, context.readyTimeout());
                long readyNanos = System.nanoTime();
                watch.stop();
                traffic.mark(readyNanos, "recovery", "ready " + stop);
                FaultContext.until(() -> traffic.succeededSince(server, readyNanos), context.readyTimeout());
                List<Outcome> sentBefore = traffic.outcomes(server).stream()
                        .filter(o -> o.startNanos() < signalNanos)
                        .toList();
                // a 503 with Retry-After is an answer (load shed by design), not a request cut off by the shutdown
                long failedBefore = sentBefore.stream()
                        .filter(o -> !o.succeeded() && !(o.status() == 503 && o.retryAfter()))
                        .count();
                long shedBefore = sentBefore.stream()
                        .filter(o -> o.status() == 503 && o.retryAfter())
                        .count();
                long inFlight = sentBefore.stream()
                        .filter(o -> o.endNanos() > signalNanos)
                        .count();
                OptionalLong windowMs = UnavailableWindow.windowMs(traffic.outcomes(server), signalNanos);
                long readyMs = UnavailableWindow.toMs(readyNanos - signalNanos);
                int lost = context.verify(ledger).size();
                verdict.require(
                                failedBefore == 0,
                                "stop " + stop + ": " + failedBefore + " of " + sentBefore.size()
                                        + " requests sent before SIGTERM failed")
                        .require(inFlight > 0, "stop " + stop + ": no request was in flight at SIGTERM")
                        .require(watch.readinessDownNanos() > 0, "stop " + stop + ": readiness never went down")
                        .require(
                                watch.readinessDownNanos() > 0
                                        && (watch.refusedNanos() == 0
                                                || watch.readinessDownNanos() < watch.refusedNanos()),
                                "stop " + stop + ": the listener closed before readiness went down")
                        .require(
                                readyMs <= context.targets().readyMs(),
                                "stop " + stop + ": ready after " + readyMs + " ms");
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("stop", stop);
                figures.put("in_flight_at_signal", inFlight);
                figures.put("failed_sent_before_signal", failedBefore);
                figures.put("shed_503_sent_before_signal", shedBefore);
                figures.put(
                        "failed_sent_before_signal_types",
                        sentBefore.stream()
                                .filter(o -> !o.succeeded() && !(o.status() == 503 && o.retryAfter()))
                                .map(o -> o.operation() + " " + o.errorType() + " after " + Math.round(o.millis())
                                        + " ms")
                                .toList());
                figures.put("readiness_down_ms", watch.offsetMs(watch.readinessDownNanos(), signalNanos));
                figures.put("listener_closed_ms", watch.offsetMs(watch.refusedNanos(), signalNanos));
                figures.put("exit_ms", UnavailableWindow.toMs(exitedNanos - signalNanos));
                figures.put("ready_ms", readyMs);
                figures.put("unavailable_window_ms", windowMs.orElse(-1));
                perStop.add(figures);
                inFlightFailed += failedBefore;
                ready = Math.max(ready, readyMs);
                window = Math.max(window, windowMs.orElse(0));
                context.progress("  " + inFlight + " in flight at SIGTERM, " + failedBefore + " failed; readiness down "
                        + figures.get("readiness_down_ms") + " ms, listener closed " + figures.get("listener_closed_ms")
                        + " ms after SIGTERM; ready after " + FaultContext.seconds(readyMs) + ", " + lost + " lost");
                FaultContext.pause(context.plan().settle());
            }
        } finally {
            traffic.close();
        }
        context.verify(ledger);
        verdict.detail("stops", stops)
                .detail("in_flight_failed", inFlightFailed)
                .detail("per_stop", perStop);
        return context.result(
                server,
                FaultKind.GRACEFUL_STOP,
                startedAt,
                null,
                ready,
                window,
                traffic.outcomes(server),
                ledger,
                verdict,
                traffic.timeline(server));
    }

    private CompletableFuture<Outcome> burstRequest(ServerId server, WriteLedger ledger) {
        // codebase-mcp indexes one repository at a time and answers a queue of them 503: searches are in flight there
        return server == ServerId.WORKFLOW
                ? context.calls().writeAsync(server, ledger)
                : context.calls().searchAsync();
    }

    /** Polls readiness every 20 ms: when it first answered non-200, when a connection was first refused. */
    private final class ReadinessWatch {
        private final ServerId server;
        private final AtomicLong readinessDown = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private volatile boolean running = true;

        ReadinessWatch(ServerId server) {
            this.server = server;
        }

        void start(long fromNanos) {
            HttpRequest probe = context.calls().get(server, "/actuator/health/readiness");
            Thread watcher = new Thread(
                    () -> {
                        while (running && refused.get() == 0) {
                            Outcome outcome = context.calls().send(server, "readiness", probe, json -> {});
                            if (outcome.startNanos() >= fromNanos) {
                                if (outcome.status() != 200 && outcome.status() != 0) {
                                    readinessDown.compareAndSet(0, outcome.endNanos());
                                } else if ("connection_refused".equals(outcome.errorType())) {
                                    refused.compareAndSet(0, outcome.endNanos());
                                }
                            }
                            FaultContext.pause(POLL);
                        }
                    },
                    "readiness-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        void stop() {
            running = false;
        }

        long readinessDownNanos() {
            return readinessDown.get();
        }

        long refusedNanos() {
            return refused.get();
        }

        long offsetMs(long nanos, long fromNanos) {
            return nanos == 0 ? -1 : UnavailableWindow.toMs(nanos - fromNanos);
        }
    }
}
