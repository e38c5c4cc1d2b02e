package dev.mcpstack.workflow.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpstack.testsupport.mcp.ConformanceSuite;
import dev.mcpstack.workflow.WorkflowMcpApplication;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official MCP conformance suite against the real workflow-mcp. Scenarios that need the suite's own fixture
 * tools, resources or prompts are listed, each with its reason, in test-support's
 * {@code mcp-conformance/expected-failures.yaml};
 * the suite fails on any other failure and on a listed scenario that passes.
 */
@SpringBootTest(
        properties = {WorkflowMcpApplication.CONFIG_NAME, "workflow.codebase.url=http://127.0.0.1:1"},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpConformanceTest {

    @LocalServerPort
    int port;

    @Test
    void passesTheConformanceSuite() {
        Optional<ConformanceSuite> suite = ConformanceSuite.findOrFailInCi();
        assumeTrue(suite.isPresent(), ConformanceSuite.MISSING + ": skipped");

        ConformanceSuite.Run run =
                suite.get().server("http://127.0.0.1:" + port + "/mcp", Path.of("target/mcp-conformance"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .as("the fixture-free scenarios run and pass")
                .contains("dns-rebinding-protection", "server-initialize", "ping", "tools-list", "resources-list");
    }
}
