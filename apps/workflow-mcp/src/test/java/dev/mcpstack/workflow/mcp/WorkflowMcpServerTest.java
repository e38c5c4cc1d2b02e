package dev.mcpstack.workflow.mcp;

import static dev.mcpstack.testsupport.mcp.McpClients.call;
import static dev.mcpstack.testsupport.mcp.McpClients.structured;
import static dev.mcpstack.testsupport.mcp.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.testsupport.mcp.McpClients;
import dev.mcpstack.workflow.WorkflowMcpApplication;
import dev.mcpstack.workflow.testing.CodebaseProcess;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * workflow-mcp as an MCP server next to the real codebase-mcp, both driven by the official Java SDK client: the
 * agent flow across both servers, sessions as clients of project switching, tenant isolation, tool errors.
 */
@SpringBootTest(
        properties = WorkflowMcpApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class WorkflowMcpServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @RegisterExtension
    static final CodebaseProcess codebase = new CodebaseProcess();

    @DynamicPropertySource
    static void pointAtCodebase(DynamicPropertyRegistry registry) {
        registry.add("workflow.codebase.url", codebase::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    private final List<McpAsyncClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(client ->
                StepVerifier.create(client.closeGracefully()).expectComplete().verify(TIMEOUT));
    }

    @Test
    void listsEveryToolWithSchemaAndAnnotations() {
        McpAsyncClient workflow = session();
        StepVerifier.create(workflow.listTools())
                .assertNext(result -> {
                    assertThat(result.tools())
                            .extracting(Tool::name)
                            .containsExactlyInAnyOrder(
                                    "create_project",
                                    "list_projects",
                                    "switch_project",
                                    "create_entity",
                                    "query_entities",
                                    "create_work_item",
                                    "get_work_item",
                                    "update_work_item",
                                    "list_work_items");
                    assertThat(result.tools()).allSatisfy(tool -> {
                        assertThat(tool.title()).isNotBlank();
                        assertThat(tool.inputSchema()).containsEntry("type", "object");
                        assertThat(tool.annotations().destructiveHint()).isFalse();
                    });
                    assertThat(tool(result.tools(), "get_work_item")
                                    .annotations()
                                    .readOnlyHint())
                            .isTrue();
                    assertThat(tool(result.tools(), "create_work_item")
                                    .annotations()
                                    .readOnlyHint())
                            .isFalse();
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void agentFlowFromSearchToStaleReference() {
        String repository = "mcp-flow-" + UUID.randomUUID();
        index(repository, sampleRepository("reconcileLedgerEntries"));
        McpAsyncClient search = McpClients.connect(codebase.url());
        clients.add(search);
        McpAsyncClient workflow = session();
        switchTo(workflow, createProject(workflow, "flow"));

        CallToolResult hits = call(search, "search_code", Map.of("query", "reconcileLedgerEntries"));
        String chunkId = (String) ((Map<?, ?>) ((List<?>) structured(hits).get("results")).get(0)).get("chunk_id");

        Map<String, Object> created = verified(
                workflow, "create_work_item", Map.of("title", "Fix ledger", "entity_references", List.of(chunkId)));
        String workItemId = (String) created.get("id");
        assertThat(created.get("entity_references")).isEqualTo(List.of(chunkId));

        Map<String, Object> read = verified(workflow, "get_work_item", Map.of("work_item_id", workItemId));
        assertThat(read.get("stale_references")).isEqualTo(List.of());
        assertThat(read.get("warnings")).isEqualTo(List.of());

        index(repository, sampleRepository("reconcileLedgerEntriesAgain"));
        Map<String, Object> stale = verified(workflow, "get_work_item", Map.of("work_item_id", workItemId));
        assertThat(stale.get("stale_references")).isEqualTo(List.of(chunkId));
        assertThat(text(call(workflow, "get_work_item", Map.of("work_item_id", workItemId))))
                .contains("stale_references=[" + chunkId + "]");
    }

    @Test
    void callsEveryOtherToolInTheSessionsProject() {
        McpAsyncClient workflow = session();
        String project = createProject(workflow, "tools");
        CallToolResult switched = call(workflow, "switch_project", Map.of("project_id", project));
        assertThat(structured(switched)).containsEntry("active_project_id", project);

        CallToolResult entity = call(
                workflow,
                "create_entity",
                Map.of(
                        "entity_type",
                        "service",
                        "name",
                        "billing",
                        "data",
                        Map.of("owner", "team-a"),
                        "tags",
                        List.of("core")));
        assertThat(entity.isError()).as(text(entity)).isFalse();
        assertThat(structured(entity))
                .containsEntry("project_id", project)
                .containsEntry("data", Map.of("owner", "team-a"));

        CallToolResult found = call(
                workflow,
                "query_entities",
                Map.of("tags_any", List.of("core"), "data_contains", Map.of("owner", "team-a")));
        assertThat((List<?>) structured(found).get("entities")).hasSize(1);

        String item = (String) structured(call(workflow, "create_work_item", Map.of("title", "Write docs")))
                .get("id");
        CallToolResult updated = call(workflow, "update_work_item", Map.of("work_item_id", item, "status", "done"));
        assertThat(structured(updated)).containsEntry("status", "done").containsEntry("title", "Write docs");

        CallToolResult done = call(workflow, "list_work_items", Map.of("status", "done"));
        assertThat((List<?>) structured(done).get("work_items"))
                .singleElement()
                .satisfies(row -> assertThat(((Map<?, ?>) row).get("id")).isEqualTo(item));

        CallToolResult projects = call(workflow, "list_projects", Map.of("limit", 100));
        assertThat(projects.isError()).isFalse();
        assertThat(structured(projects)).containsKey("projects");
    }

    @Test
    void eachSessionKeepsItsOwnProjectAndCannotReachAnother() {
        McpAsyncClient first = session();
        McpAsyncClient second = session();
        switchTo(first, createProject(first, "first"));
        switchTo(second, createProject(second, "second"));
        String firstItem = (String) structured(call(first, "create_work_item", Map.of("title", "mine")))
                .get("id");

        assertThat((List<?>)
                        structured(call(second, "list_work_items", Map.of())).get("work_items"))
                .isEmpty();
        CallToolResult foreign = call(second, "get_work_item", Map.of("work_item_id", firstItem));
        assertThat(foreign.isError()).isTrue();
        assertThat(text(foreign)).isEqualTo("work item " + firstItem + " does not exist");
        CallToolResult update = call(second, "update_work_item", Map.of("work_item_id", firstItem, "title", "theirs"));
        assertThat(update.isError()).isTrue();
        assertThat(text(update)).isEqualTo("work item " + firstItem + " does not exist");
        assertThat(structured(call(first, "get_work_item", Map.of("work_item_id", firstItem))))
                .containsEntry("title", "mine");
    }

    @Test
    void badArgumentsAreToolErrorsWithTheRestProblemDetail() {
        McpAsyncClient workflow = session();
        assertToolError(
                workflow,
                "create_entity",
                Map.of("entity_type", "s", "name", "n", "data", Map.of()),
                "no active project");
        switchTo(workflow, createProject(workflow, "errors"));

        assertToolError(workflow, "create_work_item", Map.of("title", 5), "'title' must be a string");
        assertToolError(workflow, "create_work_item", Map.of("title", Map.of("a", 1)), "'title' must be a string");
        assertToolError(workflow, "create_work_item", Map.of("title", " "), "title: must not be blank");
        assertToolError(workflow, "create_work_item", Map.of("title", "t", "status", "someday"), "status");
        assertToolError(
                workflow,
                "create_work_item",
                Map.of("title", "t", "entity_references", "abc"),
                "'entity_references' must be an array");
        assertToolError(
                workflow,
                "create_entity",
                Map.of("entity_type", "s", "name", "n", "data", "x"),
                "data must be a JSON object");
        assertToolError(
                workflow,
                "create_entity",
                Map.of("entity_type", "s", "name", "n", "data", Map.of(), "tags", "x"),
                "'tags' must be an array");
        assertToolError(workflow, "list_work_items", Map.of("limit", "5"), "'limit' must be an integer");
        assertToolError(
                workflow, "get_work_item", Map.of("work_item_id", "nope"), "'work_item_id' must be a UUID string");
        assertToolError(
                workflow,
                "switch_project",
                Map.of("project_id", UUID.randomUUID().toString()),
                "does not exist");
        assertToolError(workflow, "create_project", Map.of("name", "p", "colour", "red"), "unknown field 'colour'");

        http.post()
                .uri("/mcp/work_items")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": 5, \"project_id\": \"" + UUID.randomUUID() + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("'title' must be a string");
        http.post()
                .uri("/mcp/projects")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": [\"a\"]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("'name' must be a string");
    }

    @Test
    void foreignOriginAndHostAreRefusedLoopbackAllowed() {
        post("http://evil.example", null).expectStatus().isForbidden();
        post(null, "evil.example").expectStatus().isEqualTo(421);
        post("http://localhost:3000", null).expectStatus().isOk();
        post(null, null).expectStatus().isOk();
    }

    @Test
    void readsHealthAndMetricsResources() {
        McpAsyncClient workflow = session();
        call(workflow, "list_projects", Map.of());
        StepVerifier.create(workflow.readResource(new ReadResourceRequest("health://status")))
                .assertNext(result -> assertThat(
                                ((TextResourceContents) result.contents().get(0)).text())
                        .contains("\"connection_pool\""))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(workflow.readResource(new ReadResourceRequest("metrics://prometheus")))
                .assertNext(result -> assertThat(
                                ((TextResourceContents) result.contents().get(0)).text())
                        .contains("workflow_mcp_mcp_tool_calls_total{")
                        .contains("outcome=\"success\""))
                .expectComplete()
                .verify(TIMEOUT);
    }

    private WebTestClient.ResponseSpec post(String origin, String host) {
        return http.post()
                .uri("/mcp")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (origin != null) {
                        headers.setOrigin(origin);
                    }
                    if (host != null) {
                        headers.set("Host", host);
                    }
                })
                .bodyValue(INITIALIZE)
                .exchange();
    }

    private McpAsyncClient session() {
        McpAsyncClient client = McpClients.connect("http://127.0.0.1:" + port);
        clients.add(client);
        return client;
    }

    private static String createProject(McpAsyncClient client, String prefix) {
        CallToolResult result = call(client, "create_project", Map.of("name", prefix + "-" + UUID.randomUUID()));
        assertThat(result.isError()).as(text(result)).isFalse();
        return (String) structured(result).get("id");
    }

    private static void switchTo(McpAsyncClient client, String project) {
        assertThat(call(client, "switch_project", Map.of("project_id", project)).isError())
                .isFalse();
    }

    /** The result once codebase-mcp answered the reference check (its first calls may still be warming up). */
    private static Map<String, Object> verified(McpAsyncClient client, String tool, Map<String, Object> arguments) {
        List<Map<String, Object>> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    CallToolResult result = call(client, tool, arguments);
                    assertThat(result.isError()).as(text(result)).isFalse();
                    last.add(0, structured(result));
                    return !((List<?>) last.get(0).get("warnings")).contains("code_search_unavailable");
                });
        return last.get(0);
    }

    private static void assertToolError(
            McpAsyncClient client, String tool, Map<String, Object> arguments, String detail) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError()).as(tool + " " + arguments).isTrue();
        assertThat(text(result)).as(tool + " " + arguments).contains(detail);
    }

    private static Tool tool(List<Tool> tools, String name) {
        return tools.stream()
                .filter(tool -> tool.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Indexes through codebase-mcp's REST API; a 503 (its pool shedding load on a busy machine) is retried. */
    private static void index(String repository, byte[] tar) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> codebase.client()
                                .post()
                                .uri("/mcp/index?repository=" + repository)
                                .contentType(MediaType.parseMediaType("application/x-tar"))
                                .bodyValue(tar)
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 201);
    }

    private static byte[] sampleRepository(String identifier) {
        return TarArchiveBuilder.create()
                .file(
                        "src/main/java/demo/Ledger.java",
                        "package demo;\n\nclass Ledger {\n    boolean " + identifier
                                + "(String value) {\n        return value != null;\n    }\n}\n")
                .toTar();
    }
}
