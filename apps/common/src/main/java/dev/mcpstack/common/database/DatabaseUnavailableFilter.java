package dev.mcpstack.common.database;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * While the background probe says the database is unreachable, API requests ({@code /mcp/...}) are answered at
 * once with 503 problem+json and {@code Retry-After} instead of waiting for a connection that cannot come.
 * {@code /health}, {@code /metrics} and actuator stay up: they never need the database.
 */
@Component
final class DatabaseUnavailableFilter implements WebFilter, Ordered {

    /** The REST API, not the MCP endpoint {@code /mcp} itself: its tools answer an outage as a tool error. */
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/mcp/*/**");

    private final DatabaseProbe probe;
    private final DatabaseFailures failures;

    DatabaseUnavailableFilter(DatabaseProbe probe, DatabaseFailures failures) {
        this.probe = probe;
        this.failures = failures;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!probe.isReachable() && API.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return Mono.<Void>error(failures.databaseUnavailable());
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
