package dev.mcpstack.common.mcp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may talk to the MCP endpoint. A browser page on another origin must not reach the (unauthenticated) tools,
 * and a DNS-rebinding page must not either, so both {@code Origin} (403 otherwise) and {@code Host} (421 otherwise)
 * are checked. Requests without an {@code Origin} (every non-browser client) pass the origin check. Patterns like
 * {@code localhost:*} match any port. Behind a Kubernetes Service add its DNS names to {@code allowed-hosts}.
 */
@ConfigurationProperties("mcp.server.security")
public record McpSecurityProperties(
        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"})
        List<String> allowedOrigins,

        @DefaultValue({"localhost:*", "127.0.0.1:*", "[::1]:*", "localhost", "127.0.0.1", "[::1]"})
        List<String> allowedHosts) {}
