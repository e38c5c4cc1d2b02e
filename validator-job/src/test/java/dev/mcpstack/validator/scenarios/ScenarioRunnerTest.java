package dev.mcpstack.validator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.IntegrationTestCase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs scenario files against a stub server on 127.0.0.1 that records what it received. */
class ScenarioRunnerTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("X-Client-Id") + " " + body);
            String path = exchange.getRequestURI().getPath();
            String answer = path.equals("/mcp/search")
                    ? "{\"results\":[{\"chunk_id\":\"c-42\"}]}"
                    : path.startsWith("/mcp/work_items/")
                            ? "{\"id\":\"w-1\",\"entity_references\":[\"c-42\"]}"
                            : "{\"id\":\"w-1\"}";
            int status = path.equals("/mcp/work_items") || path.equals("/mcp/index") ? 201 : 200;
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void runsStepsWithTemplatesCapturesHeadersAndArchives() {
        IntegrationTestCase testCase = ScenarioLoader.parse(("""
                test_id: stubbed
                test_name: stubbed flow
                required_servers: [codebase-mcp, workflow-mcp]
                workflow_steps:
                  - step_number: 1
                    server: codebase
                    action: index
                    api_call:
                      method: POST
                      endpoint: /mcp/index?repository=r-{{run_id}}
                      archive: {files: {"src/Foo.java": "class Foo {}"}}
                    expected_response: {status_code: 201}
                  - step_number: 2
                    server: codebase
                    action: search
                    api_call: {method: POST, endpoint: /mcp/search, payload: {query: foo}}
                    expected_response: {status_code: 200}
                    capture: {chunk: "results[0].chunk_id"}
                  - step_number: 3
                    server: workflow
                    action: create
                    api_call:
                      method: POST
                      endpoint: /mcp/work_items
                      headers: {X-Client-Id: "client-{{run_id}}"}
                      payload: {title: t, entity_references: ["{{chunk}}"]}
                    expected_response: {status_code: 201}
                  - step_number: 4
                    server: workflow
                    action: read
                    api_call: {method: GET, endpoint: "/mcp/work_items/{{steps.3.id}}"}
                    assertions:
                      - {path: entity_references, contains: "{{chunk}}"}
                """).getBytes(StandardCharsets.UTF_8), "inline");

        ScenarioRunner.Outcome outcome = runner().run(testCase);

        assertThat(outcome.passed())
                .as(String.valueOf(outcome.testCase().lastRunError()))
                .isTrue();
        assertThat(outcome.stepsPassed()).isEqualTo(4);
        assertThat(received.get(0)).startsWith("POST /mcp/index?repository=r-").contains("application/gzip");
        assertThat(received.get(2)).contains("client-").contains("\"entity_references\":[\"c-42\"]");
        assertThat(received.get(3)).startsWith("GET /mcp/work_items/w-1");
    }

    @Test
    void reportsTheFailingStepWithExpectedAndActual() {
        IntegrationTestCase testCase = ScenarioLoader.parse(("""
                test_id: failing
                test_name: failing flow
                required_servers: [codebase-mcp]
                workflow_steps:
                  - step_number: 1
                    server: codebase
                    action: search
                    api_call: {method: POST, endpoint: /mcp/search, payload: {query: foo}}
                    expected_response: {status_code: 200}
                  - step_number: 2
                    server: codebase
                    action: expect a created item
                    api_call: {method: POST, endpoint: /mcp/search, payload: {query: foo}}
                    expected_response: {status_code: 201}
                """).getBytes(StandardCharsets.UTF_8), "inline");

        ScenarioRunner.Outcome outcome = runner().run(testCase);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.testCase().lastRunStatus()).isEqualTo("fail");
        assertThat(outcome.testCase().lastRunError())
                .contains("step 2 (expect a created item)")
                .contains("expected status 201 but got 200")
                .contains("chunk_id");
    }

    @Test
    void shipsTheFourScenarios() {
        assertThat(ScenarioLoader.shipped())
                .extracting(IntegrationTestCase::testId)
                .containsExactly(
                        "search-to-work-item", "stale-reference-after-reindex", "project-isolation", "entity-workflow");
    }

    private ScenarioRunner runner() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new ScenarioRunner(new Http(Duration.ofSeconds(5)), server -> base, line -> {});
    }
}
