package dev.mcpstack.workflow.testing;

import dev.mcpstack.workflow.WorkflowMcpApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * workflow-mcp over real HTTP on the shared embedded PostgreSQL, with codebase-mcp unreachable (nothing listens
 * on port 1): every test class extending this shares one application context.
 */
@SpringBootTest(
        properties = {WorkflowMcpApplication.CONFIG_NAME, "workflow.codebase.url=http://127.0.0.1:1"},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class WorkflowApiTest {

    @Autowired
    protected WebTestClient http;

    protected Api api;

    @BeforeEach
    void createApi() {
        api = new Api(http);
    }
}
