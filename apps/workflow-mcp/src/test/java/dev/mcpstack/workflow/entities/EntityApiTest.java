package dev.mcpstack.workflow.entities;

import static dev.mcpstack.workflow.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.workflow.testing.Api;
import dev.mcpstack.workflow.testing.WorkflowApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EntityApiTest extends WorkflowApiTest {

    private UUID project;

    @BeforeEach
    void seed() {
        project = api.createProject("entities");
        api.createEntity(project, "service", "auth-service", Map.of("lang", "java", "tier", 1), "backend", "security")
                .expect(201);
        api.createEntity(project, "service", "auth-gateway", Map.of("lang", "go", "tier", 2), "edge")
                .expect(201);
        api.createEntity(project, "service", "billing", Map.of("lang", "java", "tier", 2), "backend")
                .expect(201);
        api.createEntity(project, "team", "auth-team", Map.of("size", 5), "people")
                .expect(201);
    }

    @Test
    void createsAnEntityInTheGivenProject() {
        Api.Response created = api.createEntity(
                        project, "adr", "use-postgres", Map.of("status", "accepted", "nested", Map.of("n", 1)), "db")
                .expect(201);
        assertThat(created.text("project_id")).isEqualTo(project.toString());
        assertThat(created.text("entity_type")).isEqualTo("adr");
        assertThat(created.text("name")).isEqualTo("use-postgres");
        assertThat(created.body().path("data").path("nested").path("n").asInt()).isEqualTo(1);
        assertThat(created.body().path("tags").get(0).asString()).isEqualTo("db");
        assertThat(created.text("created_at")).isNotBlank();
        assertThat(created.text("updated_at")).isNotBlank();
    }

    @Test
    void createsInTheActiveProjectWhenNoProjectIsGiven() {
        String client = "entity-client-" + UUID.randomUUID();
        api.activate(client, project);

        Api.Response created = api.post(
                        "/mcp/entities",
                        client,
                        body("entity_type", "note", "name", "n1", "data", Map.of(), "tags", List.of()))
                .expect(201);
        assertThat(created.text("project_id")).isEqualTo(project.toString());
    }

    @Test
    void refusesWithoutProjectAndWithoutActiveProject() {
        Api.Response refused = api.post(
                        "/mcp/entities",
                        "nobody-" + UUID.randomUUID(),
                        body("entity_type", "note", "name", "n1", "data", Map.of(), "tags", List.of()))
                .expectProblem(400);
        assertThat(refused.text("detail")).contains("activate");
    }

    @Test
    void filtersByType() {
        assertThat(names(query(body("entity_type", "team")))).containsExactly("auth-team");
    }

    @Test
    void filtersByAnyTag() {
        assertThat(names(query(body("tags_any", List.of("edge", "people")))))
                .containsExactlyInAnyOrder("auth-gateway", "auth-team");
    }

    @Test
    void filtersByDataContainment() {
        assertThat(names(query(body("data_contains", Map.of("lang", "java")))))
                .containsExactlyInAnyOrder("auth-service", "billing");
        assertThat(names(query(body("data_contains", Map.of("lang", "java", "tier", 2)))))
                .containsExactly("billing");
    }

    @Test
    void filtersByNamePrefixLiterally() {
        assertThat(names(query(body("name_prefix", "auth-"))))
                .containsExactlyInAnyOrder("auth-service", "auth-gateway", "auth-team");
        assertThat(names(query(body("name_prefix", "auth_")))).isEmpty();
        assertThat(names(query(body("name_prefix", "%")))).isEmpty();
    }

    @Test
    void combinesFilters() {
        assertThat(names(query(body("entity_type", "service", "name_prefix", "auth", "tags_any", List.of("backend")))))
                .containsExactly("auth-service");
    }

    @Test
    void pagesThroughEveryEntityWithoutDuplicatesOrGaps() {
        for (int i = 0; i < 23; i++) {
            api.createEntity(project, "bulk", "bulk-" + i, Map.of("i", i)).expect(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> request = body("entity_type", "bulk", "limit", 5);
            if (cursor != null) {
                request.put("cursor", cursor);
            }
            JsonNode page = query(request);
            assertThat(page.path("entities").size()).isLessThanOrEqualTo(5);
            seen.addAll(names(page));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void rejectsATamperedCursor() {
        api.post("/mcp/entities/query", null, body("project_id", project, "cursor", "bm90LWEtY3Vyc29y"))
                .expectProblem(400);
        api.post("/mcp/entities/query", null, body("project_id", project, "cursor", "!!!"))
                .expectProblem(400);
    }

    @Test
    void rejectsInvalidEntities() {
        String client = "bad-entities-" + UUID.randomUUID();
        api.activate(client, project);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n", "data", List.of(1), "tags", List.of()))
                .expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n", "data", "text"))
                .expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n")).expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "", "name", "n", "data", Map.of()))
                .expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "x".repeat(201), "data", Map.of()))
                .expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n", "data", Map.of(), "tags", "solo"))
                .expectProblem(400);
        List<String> manyTags = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            manyTags.add("t" + i);
        }
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n", "data", Map.of(), "tags", manyTags))
                .expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n", "data", Map.of("k", "a\u0000b")))
                .expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n", "data", Map.of(), "extra", 1))
                .expectProblem(400);
        api.post("/mcp/entities", client, body("entity_type", "t", "name", "n", "data", Map.of(), "project_id", "x"))
                .expectProblem(400);
    }

    @Test
    void rejectsInvalidQueries() {
        api.post("/mcp/entities/query", null, body("project_id", project, "limit", 0))
                .expectProblem(400);
        api.post("/mcp/entities/query", null, body("project_id", project, "limit", 101))
                .expectProblem(400);
        api.post("/mcp/entities/query", null, body("project_id", project, "limit", "many"))
                .expectProblem(400);
        api.post("/mcp/entities/query", null, body("project_id", project, "data_contains", List.of()))
                .expectProblem(400);
        api.post("/mcp/entities/query", null, body("project_id", project, "name_prefix", "x".repeat(201)))
                .expectProblem(400);
        api.post("/mcp/entities/query", null, body("project_id", project, "unknown", true))
                .expectProblem(400);
        api.post("/mcp/entities/query", null, body("project_id", UUID.randomUUID()))
                .expectProblem(404);
    }

    private JsonNode query(Map<String, Object> request) {
        request.put("project_id", project);
        return api.post("/mcp/entities/query", null, request).expect(200).body();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("entities").forEach(entity -> names.add(entity.path("name").asString()));
        return names;
    }
}
