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
 * once with 503 problem+json and {@code Retry-After} instead of waiting for a connection that cannot come; so are
 * they while the pool's wait queue is full ({@link PoolWatch#queueFull()}), instead of queueing for a connection
 * they would not get within {@code max-acquire-time}.
 * {@code /health}, {@code /metrics} and actuator stay up: they never need the database.
 */
@Component
final class DatabaseUnavailableFilter implements WebFilter, Ordered {

    /** The REST API, not the MCP endpoint {@code /mcp} itself: its tools answer an outage as a tool error. */
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/mcp/*/**");

    private final DatabaseProbe probe;
    private final DatabaseFailures failures;
    private final PoolWatch poolWatch;

    DatabaseUnavailableFilter(DatabaseProbe probe, DatabaseFailures failures, PoolWatch poolWatch) {
        this.probe = probe;
        this.failures = failures;
        this.poolWatch = poolWatch;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!API.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        if (!probe.isReachable()) {
            return Mono.<Void>error(failures.databaseUnavailable());
        }
        if (poolWatch.queueFull()) {
            poolWatch.acquireTimedOut();
            return Mono.<Void>error(failures.poolExhausted());
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
