package dev.mcpstack.workflow.workitems;

import static dev.mcpstack.workflow.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.workflow.testing.Api;
import dev.mcpstack.workflow.testing.WorkflowApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Runs with codebase-mcp unreachable, so every reference stays unverified and every response says so. */
class WorkItemApiTest extends WorkflowApiTest {

    private String client;
    private UUID project;

    @BeforeEach
    void activateAProject() {
        client = "work-items-" + UUID.randomUUID();
        project = api.createProject("work-items");
        api.activate(client, project);
    }

    @Test
    void createsAWorkItemWithUnverifiedReferencesWhenCodeSearchIsUnavailable() {
        UUID chunk = UUID.randomUUID();
        Api.Response created = api.post(
                        "/mcp/work_items",
                        client,
                        body("title", "Fix auth", "description", "d", "entity_references", List.of(chunk.toString())))
                .expect(201);

        assertThat(created.text("project_id")).isEqualTo(project.toString());
        assertThat(created.text("status")).isEqualTo("open");
        assertThat(created.body().path("entity_references").get(0).asString()).isEqualTo(chunk.toString());
        assertThat(strings(created.body().path("warnings"))).containsExactly("code_search_unavailable");
        assertThat(created.body().path("stale_references").size()).isZero();
    }

    @Test
    void reportsCodeSearchUnavailableEvenWithoutReferences() {
        Api.Response created =
                api.post("/mcp/work_items", client, body("title", "New task")).expect(201);

        assertThat(strings(created.body().path("warnings"))).containsExactly("code_search_unavailable");
        assertThat(created.body().path("entity_references").size()).isZero();
    }

    @Test
    void readsAWorkItemKeepingItsReferences() {
        UUID chunk = UUID.randomUUID();
        UUID id = api.post("/mcp/work_items", client, body("title", "t", "entity_references", List.of(chunk)))
                .expect(201)
                .id();

        Api.Response read = api.get("/mcp/work_items/" + id, client).expect(200);
        assertThat(read.body().path("entity_references").get(0).asString()).isEqualTo(chunk.toString());
        assertThat(read.body().has("stale_references")).isTrue();
        assertThat(strings(read.body().path("warnings"))).contains("code_search_unavailable");
    }

    @Test
    void updatesStatusTitleAndDescription() {
        UUID id = api.post("/mcp/work_items", client, body("title", "before"))
                .expect(201)
                .id();

        Api.Response patched = api.patch(
                        "/mcp/work_items/" + id, client, body("status", "in_progress", "title", "after"))
                .expect(200);
        assertThat(patched.text("status")).isEqualTo("in_progress");
        assertThat(patched.text("title")).isEqualTo("after");

        api.patch("/mcp/work_items/" + id, client, body("description", "why")).expect(200);
        Api.Response read = api.get("/mcp/work_items/" + id, client).expect(200);
        assertThat(read.text("title")).isEqualTo("after");
        assertThat(read.text("description")).isEqualTo("why");
        assertThat(read.text("status")).isEqualTo("in_progress");
    }

    @Test
    void listsByStatusPageByPageWithoutDuplicatesOrGaps() {
        List<String> blocked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            blocked.add(api.post("/mcp/work_items", client, body("title", "b" + i, "status", "blocked"))
                    .expect(201)
                    .text("id"));
        }
        api.post("/mcp/work_items", client, body("title", "done", "status", "done"))
                .expect(201);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(
                            "/mcp/work_items?status=blocked&limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                            client)
                    .expect(200)
                    .body();
            page.path("work_items").forEach(item -> {
                assertThat(item.path("status").asString()).isEqualTo("blocked");
                seen.add(item.path("id").asString());
            });
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactlyElementsOf(blocked);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void rejectsInvalidWorkItems() {
        assertThat(api.post("/mcp/work_items", client, body("title", ""))
                        .expectProblem(400)
                        .text("detail"))
                .startsWith("title: ");
        api.post("/mcp/work_items", client, body("title", "x".repeat(501))).expectProblem(400);
        api.post("/mcp/work_items", client, body("title", "t", "status", "sleeping"))
                .expectProblem(400);
        Api.Response malformed = api.post(
                        "/mcp/work_items", client, body("title", "t", "entity_references", List.of("not-a-uuid")))
                .expectProblem(400);
        assertThat(malformed.text("detail")).contains("not-a-uuid");
        api.post("/mcp/work_items", client, body("title", "t", "entity_references", List.of(42)))
                .expectProblem(400);
        api.post(
                        "/mcp/work_items",
                        client,
                        body("title", "t", "entity_references", Collections.nCopies(1001, UUID.randomUUID())))
                .expectProblem(400);
        api.post("/mcp/work_items", client, body("title", "t", "priority", "high"))
                .expectProblem(400);
        api.get("/mcp/work_items?status=sleeping", client).expectProblem(400);
        api.get("/mcp/work_items?limit=1000", client).expectProblem(400);
        api.get("/mcp/work_items?cursor=abc", client).expectProblem(400);
        api.get("/mcp/work_items/not-a-uuid", client).expectProblem(400);
        api.get("/mcp/work_items/" + UUID.randomUUID(), client).expectProblem(404);

        UUID id = api.post("/mcp/work_items", client, body("title", "t"))
                .expect(201)
                .id();
        api.patch("/mcp/work_items/" + id, client, body()).expectProblem(400);
        api.patch("/mcp/work_items/" + id, client, body("status", "sleeping")).expectProblem(400);
        api.patch("/mcp/work_items/" + id, client, body("title", "   ")).expectProblem(400);
        api.patch("/mcp/work_items/" + UUID.randomUUID(), client, body("status", "done"))
                .expectProblem(404);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
