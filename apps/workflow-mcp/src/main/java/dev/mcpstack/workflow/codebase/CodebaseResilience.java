package dev.mcpstack.workflow.codebase;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place where calls to codebase-mcp get their protection, all configured as the {@code codebase}
 * instances in workflow-mcp.yaml: a bulkhead caps concurrent calls, the time limiter bounds each call, and the
 * circuit breaker (outermost, so it also counts timeouts and bulkhead rejections) stops calling a service that
 * is down and probes it again on its own.
 */
@Component
class CodebaseResilience {

    static final String INSTANCE = "codebase";

    private static final Logger log = LoggerFactory.getLogger(CodebaseResilience.class);

    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;

    CodebaseResilience(
            CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads) {
        this.circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
        this.timeLimiter = timeLimiters.timeLimiter(INSTANCE);
        this.bulkhead = bulkheads.bulkhead(INSTANCE);
        circuitBreaker
                .getEventPublisher()
                .onStateTransition(event -> log.atWarn()
                        .addKeyValue("event", "circuit_breaker_state_changed")
                        .addKeyValue("breaker", event.getCircuitBreakerName())
                        .addKeyValue(
                                "from",
                                event.getStateTransition().getFromState().name())
                        .addKeyValue(
                                "to", event.getStateTransition().getToState().name())
                        .log(
                                "Circuit breaker {} changed from {} to {}",
                                event.getCircuitBreakerName(),
                                event.getStateTransition().getFromState(),
                                event.getStateTransition().getToState()));
    }

    <T> Mono<T> protect(Mono<T> call) {
        return call.transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
    }
}
