package dev.mcpstack.workflow;

import static dev.mcpstack.workflow.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.workflow.testing.WorkflowApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two projects side by side: nothing of one is visible or changeable from the other, and probing gets 404. */
class TenantIsolationTest extends WorkflowApiTest {

    private UUID projectA;
    private UUID projectB;
    private String clientA;
    private String clientB;
    private UUID workItemA;

    @BeforeEach
    void twoTenants() {
        projectA = api.createProject("tenant-a");
        projectB = api.createProject("tenant-b");
        clientA = "client-a-" + UUID.randomUUID();
        clientB = "client-b-" + UUID.randomUUID();
        api.activate(clientA, projectA);
        api.activate(clientB, projectB);
        api.createEntity(projectA, "secret", "a-only", Map.of("owner", "a"), "shared-tag")
                .expect(201);
        api.createEntity(projectB, "secret", "b-only", Map.of("owner", "b"), "shared-tag")
                .expect(201);
        workItemA = api.post("/mcp/work_items", clientA, body("title", "a's item", "status", "blocked"))
                .expect(201)
                .id();
    }

    @Test
    void aForeignWorkItemIsNotFoundThroughTheActiveProject() {
        api.get("/mcp/work_items/" + workItemA, clientB).expectProblem(404);
        api.get("/mcp/work_items/" + workItemA, clientA).expect(200);
    }

    @Test
    void aForeignWorkItemIsNotFoundThroughAnExplicitProject() {
        api.get("/mcp/work_items/" + workItemA + "?project_id=" + projectB, clientA)
                .expectProblem(404);
        api.get("/mcp/work_items/" + workItemA + "?project_id=" + projectA, clientB)
                .expect(200);
    }

    @Test
    void aForeignWorkItemCannotBeChanged() {
        api.patch("/mcp/work_items/" + workItemA, clientB, body("status", "done"))
                .expectProblem(404);
        api.patch("/mcp/work_items/" + workItemA + "?project_id=" + projectB, clientA, body("status", "done"))
                .expectProblem(404);

        assertThat(api.get("/mcp/work_items/" + workItemA, clientA).expect(200).text("status"))
                .isEqualTo("blocked");
    }

    @Test
    void workItemListsDoNotLeak() {
        List<String> seenByB =
                ids(api.get("/mcp/work_items?limit=100", clientB).expect(200).body(), "work_items");
        List<String> blockedSeenByB = ids(
                api.get("/mcp/work_items?status=blocked", clientB).expect(200).body(), "work_items");

        assertThat(seenByB).doesNotContain(workItemA.toString());
        assertThat(blockedSeenByB).doesNotContain(workItemA.toString());
        assertThat(ids(api.get("/mcp/work_items", clientA).expect(200).body(), "work_items"))
                .containsExactly(workItemA.toString());
    }

    @Test
    void entityQueriesDoNotLeak() {
        JsonNode fromB = api.post("/mcp/entities/query", clientB, body("tags_any", List.of("shared-tag")))
                .expect(200)
                .body();
        JsonNode fromBExplicit = api.post(
                        "/mcp/entities/query", clientA, body("project_id", projectB, "entity_type", "secret"))
                .expect(200)
                .body();
        JsonNode containmentFromB = api.post(
                        "/mcp/entities/query", clientB, body("data_contains", Map.of("owner", "a")))
                .expect(200)
                .body();

        assertThat(names(fromB)).containsExactly("b-only");
        assertThat(names(fromBExplicit)).containsExactly("b-only");
        assertThat(names(containmentFromB)).isEmpty();
    }

    @Test
    void aCursorFromAnotherProjectDoesNotLeak() {
        for (int i = 0; i < 3; i++) {
            api.createEntity(projectA, "page", "a-" + i, Map.of()).expect(201);
        }
        String cursorOfA = api.post("/mcp/entities/query", clientA, body("entity_type", "page", "limit", 1))
                .expect(200)
                .text("next_cursor");

        JsonNode usedByB = api.post("/mcp/entities/query", clientB, body("entity_type", "page", "cursor", cursorOfA))
                .expect(200)
                .body();
        assertThat(names(usedByB)).isEmpty();
    }

    @Test
    void switchingProjectsSwitchesWhatAClientSees() {
        String roaming = "roaming-" + UUID.randomUUID();
        api.activate(roaming, projectA);
        api.get("/mcp/work_items/" + workItemA, roaming).expect(200);

        api.activate(roaming, projectB);
        api.get("/mcp/work_items/" + workItemA, roaming).expectProblem(404);
        assertThat(names(api.post("/mcp/entities/query", roaming, body())
                        .expect(200)
                        .body()))
                .containsExactly("b-only");
    }

    @Test
    void unknownProjectsAreNotFoundEverywhere() {
        UUID unknown = UUID.randomUUID();
        api.get("/mcp/projects/" + unknown, clientA).expectProblem(404);
        api.post("/mcp/projects/" + unknown + "/activate", clientA, null).expectProblem(404);
        api.createEntity(unknown, "t", "n", Map.of()).expectProblem(404);
        api.post("/mcp/entities/query", clientA, body("project_id", unknown)).expectProblem(404);
        api.post("/mcp/work_items", clientA, body("title", "t", "project_id", unknown))
                .expectProblem(404);
        api.get("/mcp/work_items?project_id=" + unknown, clientA).expectProblem(404);
        api.get("/mcp/work_items/" + workItemA + "?project_id=" + unknown, clientA)
                .expectProblem(404);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("entities").forEach(entity -> names.add(entity.path("name").asString()));
        return names;
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.path(field).forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
