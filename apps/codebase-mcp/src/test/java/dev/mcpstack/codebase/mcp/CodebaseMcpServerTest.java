package dev.mcpstack.codebase.mcp;

import static dev.mcpstack.testsupport.mcp.McpClients.call;
import static dev.mcpstack.testsupport.mcp.McpClients.structured;
import static dev.mcpstack.testsupport.mcp.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.testsupport.mcp.McpClients;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;

/** codebase-mcp as an MCP server, driven by the official Java SDK client over Streamable HTTP. */
@CodebaseMcpTest
class CodebaseMcpServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path ROOT = temporaryDirectory();

    @DynamicPropertySource
    static void allowedRoot(DynamicPropertyRegistry registry) {
        registry.add("codebase.index.allowed-roots[0]", ROOT::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    private McpAsyncClient client;

    @BeforeEach
    void connect() {
        client = McpClients.create("http://127.0.0.1:" + port);
    }

    @AfterEach
    void close() {
        StepVerifier.create(client.closeGracefully()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void initializesWithNameVersionProtocolAndInstructions() {
        StepVerifier.create(client.initialize())
                .assertNext(result -> {
                    assertThat(result.protocolVersion()).isEqualTo("2025-11-25");
                    assertThat(result.serverInfo().name()).isEqualTo("codebase-mcp");
                    assertThat(result.serverInfo().version()).isNotBlank().isNotEqualTo("@project.version@");
                    assertThat(result.instructions()).contains("search_code");
                    assertThat(result.capabilities().tools()).isNotNull();
                    assertThat(result.capabilities().resources()).isNotNull();
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryToolWithSchemaTitleAndAnnotations() {
        initialize();
        StepVerifier.create(client.listTools())
                .assertNext(result -> {
                    assertThat(result.tools())
                            .extracting(Tool::name)
                            .containsExactlyInAnyOrder(
                                    "search_code",
                                    "get_chunk",
                                    "list_repositories",
                                    "index_directory",
                                    "delete_repository");
                    assertThat(result.tools()).allSatisfy(tool -> {
                        assertThat(tool.title()).isNotBlank();
                        assertThat(tool.inputSchema())
                                .containsEntry("type", "object")
                                .containsKey("properties");
                        assertThat(tool.annotations().openWorldHint()).isFalse();
                    });
                    Tool search = tool(result.tools(), "search_code");
                    assertThat(((Map<String, ?>) search.inputSchema().get("properties")).keySet())
                            .containsExactlyInAnyOrder("query", "limit", "repository", "language", "path_prefix");
                    assertThat(search.inputSchema()).containsEntry("required", List.of("query"));
                    assertThat(search.annotations().readOnlyHint()).isTrue();
                    Tool delete = tool(result.tools(), "delete_repository");
                    assertThat(delete.annotations().readOnlyHint()).isFalse();
                    assertThat(delete.annotations().destructiveHint()).isTrue();
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void searchCodeAnswersTheRestJsonAndGetChunkTheChunk() {
        initialize();
        String repositoryId = indexFixture();

        CallToolResult result =
                call(client, "search_code", Map.of("query", "PaymentGateway", "repository", repositoryId));

        assertThat(result.isError()).isFalse();
        Map<String, Object> rest = api.search(Map.of("query", "PaymentGateway", "repository_id", repositoryId));
        Map<String, Object> mcp = new LinkedHashMap<>(structured(result));
        assertThat(mcp.remove("latency_ms")).isInstanceOf(Number.class);
        rest.remove("latency_ms");
        assertThat(mcp).isEqualTo(rest);
        List<?> results = (List<?>) mcp.get("results");
        assertThat(results).isNotEmpty();
        String chunkId = (String) ((Map<?, ?>) results.get(0)).get("chunk_id");
        assertThat(text(result)).contains("src/PaymentGateway.java").contains(chunkId);

        CallToolResult chunk = call(client, "get_chunk", Map.of("chunk_id", chunkId));
        assertThat(chunk.isError()).isFalse();
        assertThat(structured(chunk))
                .containsEntry("chunk_id", chunkId)
                .containsEntry("file_path", "src/PaymentGateway.java");
        assertThat(text(chunk)).contains("class PaymentGateway");
    }

    @Test
    void indexesListsAndDeletesRepositories() throws IOException {
        initialize();
        Path project = Files.createDirectories(ROOT.resolve("tool-project"));
        Files.writeString(project.resolve("Ledger.java"), "public class Ledger {\n    long balance;\n}\n");

        CallToolResult indexed =
                call(client, "index_directory", Map.of("path", project.toString(), "repository", "mcp-tool-project"));
        assertThat(indexed.isError()).as(text(indexed)).isFalse();
        assertThat(structured(indexed)).containsEntry("files_indexed", 1);
        String repositoryId = (String) structured(indexed).get("repository_id");

        CallToolResult listed = call(client, "list_repositories", Map.of());
        assertThat(listed.isError()).isFalse();
        assertThat((List<?>) structured(listed).get("repositories"))
                .anySatisfy(repository -> assertThat(((Map<?, ?>) repository).get("repository_id"))
                        .isEqualTo(repositoryId));
        assertThat(text(listed)).contains("mcp-tool-project");

        CallToolResult deleted = call(client, "delete_repository", Map.of("repository_id", repositoryId));
        assertThat(deleted.isError()).isFalse();
        assertThat(structured(deleted)).containsEntry("deleted", true);

        CallToolResult again = call(client, "delete_repository", Map.of("repository_id", repositoryId));
        assertThat(again.isError()).isTrue();
        assertThat(text(again)).isEqualTo("Repository " + repositoryId + " does not exist");
    }

    @Test
    void badArgumentsAreToolErrorsWithTheProblemDetail() {
        initialize();
        assertToolError("search_code", Map.of("query", 5), "'query' must be a string");
        assertToolError("search_code", Map.of("query", "ledger", "limit", "5"), "'limit' must be an integer");
        assertToolError(
                "search_code", Map.of("query", "ledger", "limit", 0), "'limit' must be between 1 and 100, was 0");
        assertToolError("search_code", Map.of("query", List.of("a")), "'query' must be a string");
        assertToolError("search_code", Map.of(), "'query' must not be empty");
        assertToolError("search_code", Map.of("query", "ledger", "colour", "red"), "unknown field 'colour'");
        assertToolError("get_chunk", Map.of("chunk_id", "not-a-uuid"), "chunk id");
        assertToolError(
                "index_directory",
                Map.of("path", "/etc", "repository", "etc"),
                "'/etc' is not under an allowed indexing root");
    }

    @Test
    void readsHealthAndMetricsResources() {
        initialize();
        call(client, "list_repositories", Map.of());
        StepVerifier.create(client.listResources())
                .assertNext(result -> assertThat(result.resources())
                        .extracting(Resource::uri)
                        .contains("health://status", "metrics://prometheus"))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(client.readResource(new ReadResourceRequest("health://status")))
                .assertNext(result -> assertThat(
                                ((TextResourceContents) result.contents().get(0)).text())
                        .contains("\"status\"")
                        .contains("\"database_status\":\"connected\""))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(client.readResource(new ReadResourceRequest("metrics://prometheus")))
                .assertNext(result -> assertThat(
                                ((TextResourceContents) result.contents().get(0)).text())
                        .contains("codebase_mcp_mcp_tool_calls_total{")
                        .contains("tool=\"list_repositories\"")
                        .contains("codebase_mcp_mcp_tool_call_latency_seconds"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    private void assertToolError(String tool, Map<String, Object> arguments, String detail) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError()).as(tool + " " + arguments).isTrue();
        assertThat(text(result)).as(tool + " " + arguments).contains(detail);
    }

    private String indexFixture() {
        byte[] archive = TarArchiveBuilder.create()
                .file("src/PaymentGateway.java", "public class PaymentGateway {\n    void charge(long cents) {}\n}\n")
                .file("src/Refunds.java", "class Refunds {\n    PaymentGateway gateway;\n}\n")
                .toTarGz();
        return (String) api.indexTarGz(Api.uniqueName("mcp"), archive).get("repository_id");
    }

    private void initialize() {
        InitializeResult result = client.initialize().block(TIMEOUT);
        assertThat(result).isNotNull();
    }

    private static Tool tool(List<Tool> tools, String name) {
        return tools.stream()
                .filter(tool -> tool.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mcp-root").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
