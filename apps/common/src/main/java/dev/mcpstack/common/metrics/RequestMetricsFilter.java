package dev.mcpstack.common.metrics;

import dev.mcpstack.common.config.ServiceName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Counts every request as {@code <prefix>_requests_total} and every 5xx as {@code <prefix>_errors_total}, tagged
 * by method, route pattern (never the raw path: bounded cardinality) and status. 4xx are the client's errors and
 * count only as requests (their status tag tells them apart). Counted when the response is committed, so
 * statuses set by exception handlers outside the filter chain are seen too. The counters are kept per (method,
 * route, status), a bounded set: building and registering a meter id per request was about 1 % of a request's CPU.
 */
@Component
final class RequestMetricsFilter implements WebFilter, Ordered {

    private static final String UNMATCHED = "UNMATCHED";

    private final MeterRegistry registry;
    private final String requestsName;
    private final String errorsName;
    private final ConcurrentMap<Series, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<Series, Counter> errors = new ConcurrentHashMap<>();

    private record Series(String method, String route, int status) {}

    RequestMetricsFilter(MeterRegistry registry, ServiceName service) {
        this.registry = registry;
        this.requestsName = service.metricPrefix() + ".requests";
        this.errorsName = service.metricPrefix() + ".errors";
        // A zero series per name so both metrics exist (and alerts can be written) before the first request/error.
        counter(requestsName, "none", "none", "none");
        counter(errorsName, "none", "none", "none");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            record(exchange);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private void record(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        String method = exchange.getRequest().getMethod().name();
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern instanceof PathPattern path ? path.getPatternString() : UNMATCHED;
        Series series = new Series(method, route, code);
        requests.computeIfAbsent(series, key -> counter(requestsName, key)).increment();
        if (code >= 500) {
            errors.computeIfAbsent(series, key -> counter(errorsName, key)).increment();
        }
    }

    private Counter counter(String name, Series series) {
        return counter(name, series.method(), series.route(), Integer.toString(series.status()));
    }

    private Counter counter(String name, String method, String route, String status) {
        return Counter.builder(name)
                .description(
                        name.equals(errorsName)
                                ? "HTTP requests answered with a 5xx status (server-side errors)"
                                : "HTTP requests answered, by method, route and status")
                .tags("method", method, "route", route, "status", status)
                .register(registry);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
