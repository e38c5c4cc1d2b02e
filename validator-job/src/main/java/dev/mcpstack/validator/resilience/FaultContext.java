package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import dev.mcpstack.validator.resilience.ResilienceProperties.Plan;
import dev.mcpstack.validator.resilience.ResilienceProperties.Targets;
import dev.mcpstack.validator.resilience.WriteLedger.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/** What every check needs: the platform seam, the calls, the plan and targets, progress lines and the load. */
final class FaultContext {

    private static final Duration LOAD_LIMIT = Duration.ofMinutes(30);
    private static final int READ_BACK_PARALLELISM = 8;

    private final Platform platform;
    private final ServiceCalls calls;
    private final ResilienceProperties properties;
    private final Plan plan;
    private final Consumer<String> progress;
    private final Consumer<WriteLedger> beforeReadBack;

    FaultContext(
            Platform platform,
            ServiceCalls calls,
            ResilienceProperties properties,
            Plan plan,
            Consumer<String> progress,
            Consumer<WriteLedger> beforeReadBack) {
        this.platform = platform;
        this.calls = calls;
        this.properties = properties;
        this.plan = plan;
        this.progress = progress;
        this.beforeReadBack = beforeReadBack;
    }

    Platform platform() {
        return platform;
    }

    ServiceCalls calls() {
        return calls;
    }

    Plan plan() {
        return plan;
    }

    Targets targets() {
        return properties.targets();
    }

    Duration readyTimeout() {
        return properties.readyTimeout();
    }

    void progress(String line) {
        progress.accept(line);
    }

    /** Writers and readers against {@code servers}; the other service gets none. */
    Traffic load(WriteLedger ledger, Set<ServerId> servers) {
        List<Traffic.Lane> lanes = new ArrayList<>();
        if (servers.contains(ServerId.WORKFLOW)) {
            lanes.add(new Traffic.Lane("workflow-writer", 2, () -> calls.createWorkItem(ledger)));
            lanes.add(new Traffic.Lane("workflow-reader", 2, () -> calls.readWorkItem(ledger)));
        }
        if (servers.contains(ServerId.CODEBASE)) {
            lanes.add(new Traffic.Lane("codebase-writer", 1, () -> calls.indexRepository(ledger)));
            lanes.add(new Traffic.Lane("codebase-reader", 2, calls::search));
        }
        Traffic traffic = new Traffic(lanes, properties.think(), LOAD_LIMIT);
        long from = System.nanoTime();
        until(() -> servers.stream().allMatch(s -> traffic.succeededSince(s, from)), properties.readyTimeout());
        pause(plan.settle());
        return traffic;
    }

    /** Reads back every write acknowledged since the last call; the test hook may tamper with the ledger first. */
    List<Write> verify(WriteLedger ledger) {
        beforeReadBack.accept(ledger);
        return ledger.verifyPending(calls.readBack(), 10, Duration.ofMillis(300), READ_BACK_PARALLELISM);
    }

    ResilienceCheckResult result(
            ServerId server,
            FaultKind fault,
            Instant startedAt,
            @Nullable Long detectionMs,
            @Nullable Long recoveryMs,
            @Nullable Long windowMs,
            List<Outcome> outcomes,
            WriteLedger ledger,
            Verdict verdict,
            @Nullable Timeline timeline) {
        long acknowledged = ledger.all().size();
        long lost = ledger.lostWrites().size();
        verdict.require(
                lost == 0,
                lost + " of " + acknowledged + " acknowledged writes lost ("
                        + ledger.unanswered().size() + " of them because their read-back never answered): "
                        + ledger.lostWrites());
        verdict.detail("failures_by_type", failuresByType(outcomes));
        return new ResilienceCheckResult(
                fault.wireName() + "-" + server.wireName(),
                server,
                fault,
                startedAt,
                detectionMs,
                recoveryMs,
                windowMs,
                outcomes.size(),
                outcomes.stream().filter(o -> !o.succeeded()).count(),
                acknowledged,
                lost,
                verdict.status(),
                verdict.details(),
                verdict.notes(),
                timeline == null ? null : timeline.snapshot());
    }

    /** Failed requests counted by operation and error type, e.g. {@code create_work_item connection_refused}. */
    static Map<String, Long> failuresByType(List<Outcome> outcomes) {
        Map<String, Long> failures = new TreeMap<>();
        outcomes.stream()
                .filter(o -> !o.succeeded())
                .forEach(o -> failures.merge(o.operation() + " " + o.errorType(), 1L, Long::sum));
        return failures;
    }

    static boolean until(BooleanSupplier condition, Duration atMost) {
        try {
            Awaitility.await()
                    .atMost(atMost)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    static void pause(Duration duration) {
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
