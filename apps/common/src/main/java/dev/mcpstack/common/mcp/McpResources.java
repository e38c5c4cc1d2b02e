package dev.mcpstack.common.mcp;

import dev.mcpstack.common.health.HealthAssessor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two resources every service offers over MCP: {@code health://status} (the same HealthCheckResponse as
 * {@code GET /health}, from memory) and {@code metrics://prometheus} (the same text as {@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = McpTransportConfiguration.SPRING_AI_MCP_SERVER)
class McpResources {

    static final String HEALTH = "health://status";
    static final String METRICS = "metrics://prometheus";

    /** One list: Spring AI collects resource beans by the type {@code List<AsyncResourceSpecification>}. */
    @Bean
    List<AsyncResourceSpecification> healthAndMetricsResources(
            HealthAssessor health, JsonMapper mapper, PrometheusMeterRegistry registry) {
        return List.of(healthResource(health, mapper), metricsResource(registry));
    }

    private static AsyncResourceSpecification healthResource(HealthAssessor health, JsonMapper mapper) {
        Resource resource = Resource.builder()
                .uri(HEALTH)
                .name("health")
                .title("Service health")
                .description("Status, database state and connection pool of this service (as GET /health)")
                .mimeType("application/json")
                .build();
        return new AsyncResourceSpecification(
                resource,
                (exchange, request) -> Mono.fromCallable(
                        () -> text(HEALTH, "application/json", mapper.writeValueAsString(health.assess()))));
    }

    private static AsyncResourceSpecification metricsResource(PrometheusMeterRegistry registry) {
        Resource resource = Resource.builder()
                .uri(METRICS)
                .name("metrics")
                .title("Service metrics")
                .description("This service's metrics in the Prometheus text format (as /actuator/prometheus)")
                .mimeType("text/plain")
                .build();
        return new AsyncResourceSpecification(
                resource,
                (exchange, request) -> Mono.fromCallable(() -> text(METRICS, "text/plain", registry.scrape())));
    }

    private static ReadResourceResult text(String uri, String mimeType, String text) {
        return new ReadResourceResult(List.of(new TextResourceContents(uri, mimeType, text)));
    }
}
