package dev.mcpstack.common.mcp;

import dev.mcpstack.common.config.ServiceName;
import dev.mcpstack.common.database.DatabaseFailures;
import dev.mcpstack.common.database.DatabaseProbe;
import dev.mcpstack.common.problem.ProblemMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds MCP tools as thin adapters over the REST operations. Every call: fails fast while the database is
 * unreachable, reads its arguments with the REST mapper, answers {@code structuredContent} equal to the REST JSON
 * plus a short text, turns any failure into a tool error carrying the problem detail's text, and is counted as
 * {@code <service>_mcp_tool_calls_total{tool,outcome}} and timed as {@code <service>_mcp_tool_call_latency_seconds}.
 */
@ConditionalOnClass(name = McpTransportConfiguration.SPRING_AI_MCP_SERVER)
@Component
public final class McpTools {

    private final JsonMapper mapper;
    private final ProblemMapper problems;
    private final DatabaseProbe probe;
    private final DatabaseFailures failures;
    private final MeterRegistry registry;
    private final String callsName;
    private final String latencyName;

    McpTools(
            JsonMapper mapper,
            ProblemMapper problems,
            DatabaseProbe probe,
            DatabaseFailures failures,
            MeterRegistry registry,
            ServiceName service) {
        this.mapper = mapper;
        this.problems = problems;
        this.probe = probe;
        this.failures = failures;
        this.registry = registry;
        this.callsName = service.metricPrefix() + ".mcp.tool.calls";
        this.latencyName = service.metricPrefix() + ".mcp.tool.call.latency";
    }

    /** What a tool does with its arguments: the same operation as its REST endpoint. */
    @FunctionalInterface
    public interface Operation<T> {
        Mono<T> apply(ToolArguments arguments, McpAsyncServerExchange exchange);
    }

    /** A read-only tool (no side effects: safe to call again, nothing outside this service touched). */
    public Definition reading(String name, String title, String description) {
        return new Definition(name, title, description, true, false, true);
    }

    /** A tool that changes data; destructive when it deletes or overwrites, idempotent when a repeat changes no more. */
    public Definition writing(String name, String title, String description, boolean destructive, boolean idempotent) {
        return new Definition(name, title, description, false, destructive, idempotent);
    }

    public final class Definition {

        private final Tool.Builder tool;
        private final String name;

        private Definition(
                String name,
                String title,
                String description,
                boolean readOnly,
                boolean destructive,
                boolean idempotent) {
            this.name = name;
            this.tool = Tool.builder()
                    .name(name)
                    .title(title)
                    .description(description)
                    .annotations(ToolAnnotations.builder()
                            .title(title)
                            .readOnlyHint(readOnly)
                            .destructiveHint(destructive)
                            .idempotentHint(idempotent)
                            .openWorldHint(false)
                            .build());
        }

        /** The tool, with its input schema, calling {@code operation}; {@code summary} is the short text form. */
        public <T> AsyncToolSpecification calls(
                ToolSchema schema, Operation<T> operation, Function<? super T, String> summary) {
            Counter.builder(callsName).tags("tool", name, "outcome", "success").register(registry);
            Timer latency = Timer.builder(latencyName)
                    .description("Time to answer one MCP tool call")
                    .tag("tool", name)
                    .publishPercentileHistogram()
                    .register(registry);
            return AsyncToolSpecification.builder()
                    .tool(tool.inputSchema(schema.toMap()).build())
                    .callHandler((exchange, request) -> Mono.defer(() -> {
                        Timer.Sample sample = Timer.start(registry);
                        // deferred, so an argument error thrown while building the call is a tool error too
                        return Mono.defer(() -> invoke(
                                        operation,
                                        exchange,
                                        new ToolArguments(request.arguments(), schema.names(), mapper)))
                                .map(result -> success(result, summary))
                                .onErrorResume(error -> Mono.just(failure(error)))
                                .doOnNext(result -> {
                                    sample.stop(latency);
                                    count(result);
                                });
                    }))
                    .build();
        }

        private <T> Mono<T> invoke(Operation<T> operation, McpAsyncServerExchange exchange, ToolArguments arguments) {
            if (!probe.isReachable()) {
                return Mono.error(failures.databaseUnavailable());
            }
            return operation.apply(arguments, exchange);
        }

        private void count(CallToolResult result) {
            String outcome = !Boolean.TRUE.equals(result.isError())
                    ? "success"
                    : status(result) >= 500 ? "server_error" : "client_error";
            Counter.builder(callsName)
                    .description("MCP tool calls, by tool and outcome (success, client_error, server_error)")
                    .tags("tool", name, "outcome", outcome)
                    .register(registry)
                    .increment();
        }
    }

    private <T> CallToolResult success(T result, Function<? super T, String> summary) {
        return CallToolResult.builder()
                // through the JSON text, so raw JSON fields (entity data) come out exactly as REST writes them
                .structuredContent(mapper.readValue(mapper.writeValueAsBytes(result), LinkedHashMap.class))
                .addTextContent(summary.apply(result))
                .isError(false)
                .build();
    }

    private CallToolResult failure(Throwable error) {
        ResponseEntity<ProblemDetail> response = problems.toResponse(error);
        ProblemDetail body = response.getBody();
        String detail = body == null || body.getDetail() == null ? "The tool call failed" : body.getDetail();
        Map<String, Object> problem = body == null ? Map.of() : mapper.convertValue(body, LinkedHashMap.class);
        return CallToolResult.builder()
                .structuredContent(problem)
                .addTextContent(detail)
                .isError(true)
                .meta(Map.of("status", response.getStatusCode().value()))
                .build();
    }

    private static int status(CallToolResult result) {
        return result.meta() != null && result.meta().get("status") instanceof Integer status ? status : 500;
    }
}
