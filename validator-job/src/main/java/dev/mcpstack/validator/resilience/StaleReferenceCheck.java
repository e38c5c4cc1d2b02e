package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ServerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A repository that work items reference is indexed again (its chunks get new ids) while both services are under
 * load: every work item must keep all its references and list every one of them in {@code stale_references}.
 */
final class StaleReferenceCheck {

    private static final int WORK_ITEMS = 5;

    private final FaultContext context;
    private final RepositoryFixtures repositories;

    StaleReferenceCheck(FaultContext context, RepositoryFixtures repositories) {
        this.context = context;
        this.repositories = repositories;
    }

    ResilienceCheckResult run() {
        Instant startedAt = Instant.now();
        WriteLedger ledger = new WriteLedger();
        Verdict verdict = new Verdict();
        String name = "resilience-stale-" + Long.toString(System.nanoTime(), 36);
        RepositoryFixtures.Indexed indexed = repositories.index(name, 3);
        List<String> chunks = indexed.chunkIds();
        Traffic traffic = context.load(ledger, Set.of(ServerId.CODEBASE, ServerId.WORKFLOW));
        List<String> items = new ArrayList<>();
        Long detection = null;
        int stale = 0;
        int dropped = 0;
        int notStale = 0;
        try {
            for (int i = 0; i < WORK_ITEMS; i++) {
                items.add(createReferencing(chunks, ledger, traffic));
            }
            int staleBefore = countStale(items, chunks, new AtomicInteger(), new AtomicInteger());
            verdict.require(staleBefore == 0, staleBefore + " references were stale before the re-index");
            context.progress("re-indexing " + name + " under " + items.size() + " work items referencing "
                    + chunks.size() + " chunks");
            repositories.index(name, 3);
            long reindexed = System.nanoTime();
            traffic.mark(reindexed, "fault", "re-indexed");
            int expected = items.size() * chunks.size();
            boolean all = FaultContext.until(
                    () -> countStale(items, chunks, new AtomicInteger(), new AtomicInteger()) == expected,
                    context.readyTimeout());
            if (all) {
                detection = UnavailableWindow.toMs(System.nanoTime() - reindexed);
                traffic.mark(System.nanoTime(), "recovery", "all references stale");
            }
            AtomicInteger droppedCount = new AtomicInteger();
            AtomicInteger notStaleCount = new AtomicInteger();
            stale = countStale(items, chunks, droppedCount, notStaleCount);
            dropped = droppedCount.get();
            notStale = notStaleCount.get();
        } finally {
            traffic.close();
        }
        context.verify(ledger);
        long workflowFailed = traffic.outcomes(ServerId.WORKFLOW).stream()
                .filter(o -> !o.succeeded())
                .count();
        context.progress("  " + stale + " of " + items.size() * chunks.size() + " references stale after " + detection
                + " ms, " + dropped + " dropped");
        verdict.detail("work_items", items.size())
                .detail("references", items.size() * chunks.size())
                .detail("stale_references", stale)
                .detail("dropped_references", dropped)
                .require(dropped == 0, dropped + " references were dropped from work items")
                .require(notStale == 0, notStale + " references to replaced chunks were not listed as stale")
                .require(detection != null, "not every reference became stale within " + context.readyTimeout())
                .require(workflowFailed == 0, "workflow-mcp failed " + workflowFailed + " requests");
        return context.result(
                ServerId.WORKFLOW,
                FaultKind.STALE_REFERENCE,
                startedAt,
                detection,
                null,
                null,
                traffic.outcomes(ServerId.WORKFLOW),
                ledger,
                verdict,
                traffic.timeline(ServerId.WORKFLOW));
    }

    private String createReferencing(List<String> chunks, WriteLedger ledger, Traffic traffic) {
        var request = context.calls()
                .postJson(
                        ServerId.WORKFLOW,
                        "/mcp/work_items",
                        Map.of(
                                "title",
                                "stale reference check",
                                "project_id",
                                context.calls().fixture().projectId(),
                                "entity_references",
                                chunks));
        List<String> id = new ArrayList<>();
        Outcome outcome = context.calls().send(ServerId.WORKFLOW, "create_work_item", request, json -> {
            id.add(json.path("id").asString());
            ledger.acknowledge(new WriteLedger.Write(
                    ServerId.WORKFLOW,
                    "work_item",
                    json.path("id").asString(),
                    context.calls().fixture().projectId()));
        });
        traffic.record(outcome);
        if (id.isEmpty()) {
            throw new IllegalStateException("could not create a work item with references: " + outcome.errorType());
        }
        return id.get(0);
    }

    /** Stale references over all items; counts references dropped from, or not flagged in, an item. */
    private int countStale(List<String> items, List<String> chunks, AtomicInteger dropped, AtomicInteger notStale) {
        int stale = 0;
        for (String item : items) {
            JsonNode[] body = new JsonNode[1];
            Outcome outcome = context.calls()
                    .send(
                            ServerId.WORKFLOW,
                            "read_work_item",
                            context.calls()
                                    .get(
                                            ServerId.WORKFLOW,
                                            "/mcp/work_items/" + item + "?project_id="
                                                    + context.calls().fixture().projectId()),
                            json -> body[0] = json);
            if (!outcome.succeeded() || body[0] == null) {
                notStale.addAndGet(chunks.size());
                continue;
            }
            Set<String> references = strings(body[0].path("entity_references"));
            Set<String> flagged = strings(body[0].path("stale_references"));
            for (String chunk : chunks) {
                if (!references.contains(chunk)) {
                    dropped.incrementAndGet();
                } else if (flagged.contains(chunk)) {
                    stale++;
                } else {
                    notStale.incrementAndGet();
                }
            }
        }
        return stale;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
