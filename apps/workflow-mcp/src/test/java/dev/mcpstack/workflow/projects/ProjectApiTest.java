package dev.mcpstack.workflow.projects;

import static dev.mcpstack.workflow.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.workflow.WorkflowMcpApplication;
import dev.mcpstack.workflow.testing.Api;
import dev.mcpstack.workflow.testing.WorkflowApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

class ProjectApiTest extends WorkflowApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void createsAndReadsAProject() {
        String name = "alpha-" + UUID.randomUUID();
        Api.Response created = api.post("/mcp/projects", null, body("name", name, "description", "first"))
                .expect(201);
        assertThat(created.text("name")).isEqualTo(name);
        assertThat(created.text("description")).isEqualTo("first");
        assertThat(created.text("created_at")).isNotBlank();

        Api.Response read = api.get("/mcp/projects/" + created.id(), null).expect(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void rejectsADuplicateNameWithConflict() {
        String name = "dup-" + UUID.randomUUID();
        api.post("/mcp/projects", null, body("name", name)).expect(201);

        Api.Response again = api.post("/mcp/projects", null, body("name", name)).expectProblem(409);
        assertThat(again.text("type")).endsWith("/project-name-taken");
    }

    @Test
    void answersNotFoundForAnUnknownProject() {
        api.get("/mcp/projects/" + UUID.randomUUID(), null).expectProblem(404);
        api.post("/mcp/projects/" + UUID.randomUUID() + "/activate", "c1", null).expectProblem(404);
    }

    @Test
    void listsProjectsPageByPageWithoutDuplicatesOrGaps() {
        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(api.createProject("listed"));
        }
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            Api.Response page = api.get("/mcp/projects?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null)
                    .expect(200);
            page.body()
                    .path("projects")
                    .forEach(p -> seen.add(UUID.fromString(p.path("id").asString())));
            cursor = page.body().path("next_cursor").isNull() ? null : page.text("next_cursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
    }

    @Test
    void switchesTheActiveProjectPerClient() {
        UUID first = api.createProject("switch-a");
        UUID second = api.createProject("switch-b");
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();

        Api.Response switched =
                api.post("/mcp/projects/" + first + "/activate", alice, null).expect(200);
        assertThat(switched.text("active_project_id")).isEqualTo(first.toString());
        assertThat(switched.text("switched_at")).isNotBlank();
        api.activate(bob, second);

        assertThat(api.get("/mcp/projects/active", alice).expect(200).id()).isEqualTo(first);
        assertThat(api.get("/mcp/projects/active", bob).expect(200).id()).isEqualTo(second);

        api.activate(alice, second);
        assertThat(api.get("/mcp/projects/active", alice).expect(200).id()).isEqualTo(second);
        assertThat(api.get("/mcp/projects/active", bob).expect(200).id()).isEqualTo(second);
    }

    @Test
    void persistsTheActiveProjectInTheDatabase() {
        UUID project = api.createProject("persisted");
        String client = "persist-" + UUID.randomUUID();
        api.activate(client, project);

        StepVerifier.create(db.sql("SELECT project_id FROM active_projects WHERE client_id = :c")
                        .bind("c", client)
                        .map(row -> row.get("project_id", UUID.class))
                        .one())
                .expectNext(project)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aRestartedServiceStillKnowsTheActiveProject() {
        UUID project = api.createProject("restart");
        String client = "restart-" + UUID.randomUUID();
        api.activate(client, project);

        try (ConfigurableApplicationContext restarted = WorkflowMcpApplication.application()
                .run("--server.port=0", "--workflow.codebase.url=http://127.0.0.1:1")) {
            int port = restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            WebTestClient other = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(30))
                    .build();

            assertThat(new Api(other)
                            .get("/mcp/projects/active", client)
                            .expect(200)
                            .id())
                    .isEqualTo(project);
        }
    }

    @Test
    void answersNotFoundWhenTheClientHasNoActiveProject() {
        Api.Response none =
                api.get("/mcp/projects/active", "nobody-" + UUID.randomUUID()).expectProblem(404);
        assertThat(none.text("type")).endsWith("/no-active-project");
    }

    @Test
    void usesTheDefaultClientWithoutAHeader() {
        UUID project = api.createProject("default-client");
        api.activate("default", project);

        assertThat(api.get("/mcp/projects/active", null).expect(200).id()).isEqualTo(project);
    }

    @Test
    void rejectsInvalidProjectInput() {
        assertThat(api.post("/mcp/projects", null, body("name", ""))
                        .expectProblem(400)
                        .text("detail"))
                .startsWith("name: ");
        api.post("/mcp/projects", null, body("name", "x".repeat(201))).expectProblem(400);
        assertThat(api.post("/mcp/projects", null, body("name", "ok-" + UUID.randomUUID(), "colour", "red"))
                        .expectProblem(400)
                        .text("detail"))
                .isEqualTo("unknown field 'colour'");
        api.post("/mcp/projects", null, body("name", "nul\u0000name")).expectProblem(400);
        api.post("/mcp/projects", null, "{not json").expectProblem(400);
        api.post("/mcp/projects", null, "[]").expectProblem(400);
        api.get("/mcp/projects/not-a-uuid", null).expectProblem(400);
        api.get("/mcp/projects?limit=0", null).expectProblem(400);
        api.get("/mcp/projects?limit=101", null).expectProblem(400);
        api.get("/mcp/projects?cursor=garbage!!", null).expectProblem(400);
        api.get("/mcp/projects/active", "x".repeat(300)).expectProblem(400);
    }
}
