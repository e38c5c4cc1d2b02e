package dev.mcpstack.common.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.mcp.customizer.McpAsyncServerCustomizer;
import org.springframework.ai.mcp.server.webflux.transport.WebFluxStreamableServerTransportProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Streamable HTTP transport with Origin/Host validation, which Spring AI's own transport bean leaves off. It
 * replaces that bean (which is {@code @ConditionalOnMissingBean}; application configuration such as this, found by
 * the common module's component scan, is registered before any auto-configuration); its router function then uses
 * this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = McpTransportConfiguration.SPRING_AI_MCP_SERVER)
@EnableConfigurationProperties(McpSecurityProperties.class)
public class McpTransportConfiguration {

    /** Present with Spring AI's MCP server starter: the services have it, the common module's own tests do not. */
    static final String SPRING_AI_MCP_SERVER =
            "org.springframework.ai.mcp.server.webflux.autoconfigure.McpServerStreamableHttpWebFluxAutoConfiguration";

    @Bean
    WebFluxStreamableServerTransportProvider webFluxStreamableServerTransportProvider(
            @Qualifier("mcpServerJsonMapper") JsonMapper jsonMapper,
            McpSecurityProperties security,
            @Value("${spring.ai.mcp.server.streamable-http.mcp-endpoint:/mcp}") String endpoint,
            @Value("${spring.ai.mcp.server.streamable-http.keep-alive-interval:#{null}}") @Nullable
                    Duration keepAliveInterval) {
        WebFluxStreamableServerTransportProvider.Builder builder = WebFluxStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(jsonMapper))
                .messageEndpoint(endpoint)
                .securityValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(security.allowedOrigins())
                        .allowedHosts(security.allowedHosts())
                        .build());
        if (keepAliveInterval != null) {
            builder.keepAliveInterval(keepAliveInterval);
        }
        return builder.build();
    }

    /**
     * Tool arguments are validated once, by the same strict mapper and request checks as REST bodies, so a mistake
     * gets the REST problem detail's words; the SDK's own schema check would answer first, in other words.
     */
    @Bean
    McpAsyncServerCustomizer sharedToolValidation() {
        return server -> server.validateToolInputs(false);
    }
}
