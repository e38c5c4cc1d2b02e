package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * codebase-mcp taken away (stopped; scaled to 0 in a cluster) while workflow-mcp is under load: every work-item write
 * and read must still succeed, with {@code code_search_unavailable}; the breaker, read from {@code /metrics}, must open
 * within the target number of calls once codebase-mcp is gone (during its graceful shutdown some calls still succeed,
 * so the failed calls in all are reported too; detection is timed from the start of the stop) and close by itself
 * once codebase-mcp is back.
 */
final class DependencyDownCheck {

    private final FaultContext context;

    DependencyDownCheck(FaultContext context) {
        this.context = context;
    }

    ResilienceCheckResult run() {
        Instant startedAt = Instant.now();
        WriteLedger ledger = new WriteLedger();
        Verdict verdict = new Verdict();
        Traffic traffic = context.load(ledger, Set.of(ServerId.WORKFLOW));
        Long openedMs = null;
        Long closedMs = null;
        long callsToOpen = -1;
        long failedToOpen = -1;
        long stopNanos;
        try {
            // a previous fault may have left the breaker open or half-open: it must have closed before this one
            FaultContext.until(() -> breaker().map(BreakerMetrics::closed).orElse(false), context.readyTimeout());
            Optional<BreakerMetrics> before = breaker();
            verdict.require(
                    before.map(BreakerMetrics::closed).orElse(false),
                    "workflow-mcp /metrics shows no closed codebase circuit breaker before the fault");
            context.progress("stopping codebase-mcp; workflow-mcp under load");
            stopNanos = System.nanoTime();
            traffic.mark(stopNanos, "fault", "codebase-mcp stopping");
            context.platform().stopService(ServerId.CODEBASE);
            long goneNanos = System.nanoTime();
            traffic.mark(goneNanos, "fault", "codebase-mcp gone");
            Optional<BreakerMetrics> gone = breaker();
            verdict.detail("stop_ms", UnavailableWindow.toMs(goneNanos - stopNanos));
            AtomicReference<BreakerMetrics> seen = new AtomicReference<>();
            boolean opened = FaultContext.until(
                    () -> {
                        Optional<BreakerMetrics> now = breaker();
                        now.ifPresent(seen::set);
                        return now.map(BreakerMetrics::open).orElse(false);
                    },
                    context.readyTimeout());
            if (opened && before.isPresent() && gone.isPresent()) {
                openedMs = UnavailableWindow.toMs(System.nanoTime() - stopNanos);
                failedToOpen = seen.get().failedCalls() - before.get().failedCalls();
                // calls to the stopped service are the ones that fail once it is gone (a lookup sent before and
                // answered by the draining process can still be recorded after, as a success); open already means it
                // opened during the shutdown
                callsToOpen = gone.get().open()
                        ? 0
                        : seen.get().failedCalls() - gone.get().failedCalls();
            }
            FaultContext.pause(context.plan().settle());
            context.progress("  breaker open after " + openedMs + " ms, " + callsToOpen
                    + " failed calls; starting codebase-mcp");
            context.platform().startService(ServerId.CODEBASE, context.readyTimeout());
            long readyNanos = System.nanoTime();
            traffic.mark(readyNanos, "recovery", "codebase-mcp ready");
            boolean closed = FaultContext.until(
                    () -> breaker().map(BreakerMetrics::closed).orElse(false), context.readyTimeout());
            if (closed) {
                closedMs = UnavailableWindow.toMs(System.nanoTime() - readyNanos);
                traffic.mark(System.nanoTime(), "recovery", "breaker closed");
            }
            context.progress("  breaker closed " + closedMs + " ms after codebase-mcp was ready");
        } finally {
            traffic.close();
        }
        context.verify(ledger);
        List<Outcome> outcomes = traffic.outcomes(ServerId.WORKFLOW);
        long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
        long warned = outcomes.stream().filter(Outcome::warned).count();
        var targets = context.targets();
        verdict.detail("calls_to_open_after_gone", callsToOpen)
                .detail("failed_calls_to_open", failedToOpen)
                .detail("breaker_open_ms", openedMs == null ? -1 : openedMs)
                .detail("breaker_close_ms", closedMs == null ? -1 : closedMs)
                .detail("code_search_unavailable_warnings", warned)
                .require(openedMs != null, "the breaker never opened while codebase-mcp was down")
                .require(
                        callsToOpen >= 0 && callsToOpen <= targets.breakerCalls(),
                        "the breaker opened after " + callsToOpen + " calls to the stopped service, target "
                                + targets.breakerCalls())
                .require(closedMs != null, "the breaker did not close by itself after codebase-mcp returned")
                .require(
                        closedMs == null || closedMs <= targets.breakerCloseMs(),
                        "the breaker closed " + closedMs + " ms after codebase-mcp returned")
                .require(failed == 0, "workflow-mcp failed " + failed + " requests while codebase-mcp was down")
                .require(warned > 0, "no answer carried code_search_unavailable");
        return context.result(
                ServerId.WORKFLOW,
                FaultKind.DEPENDENCY_DOWN,
                startedAt,
                openedMs,
                closedMs,
                UnavailableWindow.windowOrNull(outcomes, stopNanos),
                outcomes,
                ledger,
                verdict,
                traffic.timeline(ServerId.WORKFLOW));
    }

    private Optional<BreakerMetrics> breaker() {
        HttpRequest request = context.calls()
                .builder(ServerId.WORKFLOW, "/metrics")
                .header("Accept", "text/plain")
                .GET()
                .build();
        try {
            var response = context.calls().text(request);
            return response == null ? Optional.empty() : BreakerMetrics.parse(response);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
