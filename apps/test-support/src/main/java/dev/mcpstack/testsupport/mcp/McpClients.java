package dev.mcpstack.testsupport.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MCP clients of the official Java SDK ({@code McpClient.async} over its Streamable HTTP transport), as tests and
 * the validator use them against a service's {@code /mcp} endpoint.
 */
public final class McpClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private McpClients() {}

    /** A client for {@code baseUrl + "/mcp"}, not yet initialized. */
    public static McpAsyncClient create(String baseUrl, Map<String, String> headers) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp")
                .connectTimeout(Duration.ofSeconds(5))
                .httpRequestCustomizer((builder, method, uri, body, context) -> headers.forEach(builder::header))
                .build();
        return McpClient.async(transport)
                .clientInfo(new McpSchema.Implementation("mcp-stack-tests", "1.0.0"))
                .requestTimeout(TIMEOUT)
                .initializationTimeout(TIMEOUT)
                .build();
    }

    public static McpAsyncClient create(String baseUrl) {
        return create(baseUrl, Map.of());
    }

    /** An initialized client; close it with {@code closeGracefully()}. */
    public static McpAsyncClient connect(String baseUrl) {
        McpAsyncClient client = create(baseUrl);
        client.initialize().block(TIMEOUT);
        return client;
    }

    public static CallToolResult call(McpAsyncClient client, String tool, Map<String, Object> arguments) {
        CallToolResult result =
                client.callTool(new McpSchema.CallToolRequest(tool, arguments)).block(TIMEOUT);
        if (result == null) {
            throw new IllegalStateException(tool + " returned nothing");
        }
        return result;
    }

    /** The structured content of a result as a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> structured(CallToolResult result) {
        if (!(result.structuredContent() instanceof Map<?, ?> map)) {
            throw new IllegalStateException("no structured object in " + result);
        }
        return (Map<String, Object>) map;
    }

    /** The text content of a result, its blocks joined by newlines. */
    public static String text(CallToolResult result) {
        return result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }
}
