package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * SIGKILL (or pod delete) of one service's instance, {@code kills} times, under load on both services: the
 * supervisor brings it back, the caller measures detection, time to ready and the unavailable window, every
 * acknowledged write is read back, and the other service must not fail a single request meanwhile.
 */
final class ProcessKillCheck {

    private final FaultContext context;

    ProcessKillCheck(FaultContext context) {
        this.context = context;
    }

    ResilienceCheckResult run(ServerId server) {
        FaultKind fault = context.platform().killFault();
        ServerId other = server == ServerId.CODEBASE ? ServerId.WORKFLOW : ServerId.CODEBASE;
        int kills = context.plan().kills();
        WriteLedger ledger = new WriteLedger();
        Instant startedAt = Instant.now();
        int restartsBefore = context.platform().restarts(server);
        Verdict verdict = new Verdict();
        List<Map<String, Object>> perKill = new ArrayList<>();
        long detection = 0;
        long ready = 0;
        long window = 0;
        Traffic traffic = context.load(ledger, Set.of(ServerId.CODEBASE, ServerId.WORKFLOW));
        try {
            for (int kill = 1; kill <= kills; kill++) {
                context.progress("killing " + server + " (" + kill + "/" + kills + ") under load");
                long faultNanos = System.nanoTime();
                traffic.mark(faultNanos, "fault", fault.wireName() + " " + kill);
                context.platform().killInstance(server);
                context.platform().awaitReady(server, context.readyTimeout());
                long readyNanos = System.nanoTime();
                traffic.mark(readyNanos, "recovery", "ready " + kill);
                boolean served =
                        FaultContext.until(() -> traffic.succeededSince(server, readyNanos), context.readyTimeout());
                long readyMs = UnavailableWindow.toMs(readyNanos - faultNanos);
                OptionalLong windowMs = UnavailableWindow.windowMs(traffic.outcomes(server), faultNanos);
                OptionalLong detectionMs = UnavailableWindow.detectionMs(traffic.outcomes(server), faultNanos);
                int lost = context.verify(ledger).size();
                verdict.require(served && windowMs.isPresent(), server + " served no request after kill " + kill);
                verdict.require(
                        detectionMs.isPresent(), "the caller saw no failure after kill " + kill + ": was it killed?");
                verdict.require(
                        readyMs <= context.targets().readyMs(),
                        "kill " + kill + ": ready after " + readyMs + " ms, target "
                                + context.targets().readyMs());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("kill", kill);
                figures.put("detection_ms", detectionMs.orElse(-1));
                figures.put("ready_ms", readyMs);
                figures.put("unavailable_window_ms", windowMs.orElse(-1));
                figures.put("lost_writes", lost);
                perKill.add(figures);
                detection = Math.max(detection, detectionMs.orElse(0));
                ready = Math.max(ready, readyMs);
                window = Math.max(window, windowMs.orElse(0));
                context.progress("  " + server + " ready after " + FaultContext.seconds(readyMs) + ", unavailable "
                        + FaultContext.seconds(windowMs.orElse(0)) + ", " + lost + " lost");
                FaultContext.pause(context.plan().settle());
            }
        } finally {
            traffic.close();
        }
        context.verify(ledger);
        List<Outcome> others = traffic.outcomes(other);
        long otherFailed = others.stream().filter(o -> !o.succeeded()).count();
        long warned = traffic.outcomes(ServerId.WORKFLOW).stream()
                .filter(Outcome::warned)
                .count();
        int restarts = context.platform().restarts(server) - restartsBefore;
        verdict.detail("kills", kills)
                .detail("restarts", restarts)
                .detail("per_kill", perKill)
                .detail(other.wireName() + "_requests", others.size())
                .detail(other.wireName() + "_failed", otherFailed)
                .require(otherFailed == 0, other + " failed " + otherFailed + " requests while " + server + " was down")
                .require(restarts == kills, "expected " + kills + " restarts of " + server + ", saw " + restarts);
        if (server == ServerId.CODEBASE) {
            verdict.detail("code_search_unavailable_warnings", warned)
                    .require(
                            warned > 0,
                            "workflow-mcp never answered with code_search_unavailable while "
                                    + "codebase-mcp was down");
        }
        return context.result(
                server,
                fault,
                startedAt,
                detection,
                ready,
                window,
                traffic.outcomes(server),
                ledger,
                verdict,
                traffic.timeline(server));
    }
}
