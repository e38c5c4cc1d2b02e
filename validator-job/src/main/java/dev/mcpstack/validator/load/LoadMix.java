package dev.mcpstack.validator.load;

import dev.mcpstack.testsupport.repository.SyntheticRepository;
import dev.mcpstack.validator.benchmarks.StackClient;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.ServerId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The weighted mix of both services' operations that every load mode sends (search, health, project switch, entity
 * query, work item create), and the data it needs: a project with entities and a second project to switch to.
 */
final class LoadMix {

    private LoadMix() {}

    static OperationMix create(StackClient stack, String runId, int files) {
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
        List<String> queries = SyntheticRepository.of(42, Math.max(1, files)).searchQueries(100);
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
