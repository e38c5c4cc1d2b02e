package dev.mcpstack.validator.observability;

import static org.awaitility.Awaitility.await;

import dev.mcpstack.testsupport.mcp.McpClients;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.report.CheckResult;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * SPEC §10 seen by a real MCP client (the official Java SDK over Streamable HTTP): the service initializes with
 * protocol 2025-11-25, lists its tools with input schemas, and answers one read-only tool call with structured
 * content.
 */
final class McpCheck {

    static final String PROTOCOL = "2025-11-25";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RETRY_FOR = Duration.ofSeconds(10);

    private McpCheck() {}

    /**
     * The probe call's result; a 503-like tool error ("retry after the indicated delay": pool busy, database
     * reconnecting) is retried for a few seconds, as a client is told to, so one shed call on a busy machine is not a
     * failed check.
     */
    private static CallToolResult answered(McpAsyncClient client, String tool) {
        AtomicReference<CallToolResult> last = new AtomicReference<>();
        try {
            await().atMost(RETRY_FOR).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(McpClients.call(client, tool, Map.of()));
                return !Boolean.TRUE.equals(last.get().isError())
                        || !McpClients.text(last.get()).contains("retry after");
            });
        } catch (ConditionTimeoutException e) {
            // the last answer is reported as it is
        }
        return last.get();
    }

    static CheckResult check(ServerId server, URI base) {
        String name = server + " mcp";
        String probeTool = server == ServerId.CODEBASE ? "list_repositories" : "list_projects";
        McpAsyncClient client = McpClients.create(base.toString().replaceAll("/$", ""));
        try {
            InitializeResult init = client.initialize().block(TIMEOUT);
            if (init == null || !PROTOCOL.equals(init.protocolVersion())) {
                return CheckResult.fail(
                        ObservabilitySuite.SUITE,
                        name,
                        "initialize negotiated " + (init == null ? "nothing" : init.protocolVersion()));
            }
            ListToolsResult tools = client.listTools().block(TIMEOUT);
            Set<String> names = tools == null
                    ? Set.of()
                    : tools.tools().stream().map(Tool::name).collect(Collectors.toCollection(TreeSet::new));
            List<String> withoutSchema = tools == null
                    ? List.of()
                    : tools.tools().stream()
                            .filter(tool -> tool.inputSchema() == null
                                    || !"object".equals(tool.inputSchema().get("type")))
                            .map(Tool::name)
                            .toList();
            if (!names.contains(probeTool) || !withoutSchema.isEmpty()) {
                return CheckResult.fail(
                        ObservabilitySuite.SUITE,
                        name,
                        "tools " + names + "; without an object input schema: " + withoutSchema);
            }
            CallToolResult result = answered(client, probeTool);
            if (Boolean.TRUE.equals(result.isError()) || !(result.structuredContent() instanceof Map<?, ?>)) {
                return CheckResult.fail(
                        ObservabilitySuite.SUITE, name, probeTool + " answered an error: " + McpClients.text(result));
            }
            return CheckResult.pass(
                    ObservabilitySuite.SUITE,
                    name,
                    init.serverInfo().name() + " " + init.serverInfo().version() + ", protocol " + PROTOCOL + ", "
                            + names.size() + " tools, " + probeTool + " answered");
        } catch (RuntimeException e) {
            return CheckResult.fail(ObservabilitySuite.SUITE, name, "MCP client failed: " + e.getMessage());
        } finally {
            client.closeGracefully().onErrorComplete().block(TIMEOUT);
        }
    }
}
