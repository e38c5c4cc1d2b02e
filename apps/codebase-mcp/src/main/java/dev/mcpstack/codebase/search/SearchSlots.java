package dev.mcpstack.codebase.search;

import dev.mcpstack.common.problem.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

/**
 * Bounds how many searches run at once ({@code codebase.search.max-concurrent}, default twice the cores); the others
 * wait in order of arrival, at most {@code max-waiting} of them for at most {@code max-wait}, then get a 503 with
 * {@code Retry-After}. A search is a burst of CPU in this JVM and in PostgreSQL: run ten at once on two cores and
 * each takes five times as long, the slowest far longer (JDK benchmark, 10 clients: p95 33 ms with ten running,
 * 21 ms with four at a time, at the same throughput; docs/performance/codebase-mcp.md). The slots are a
 * reactor-pool of tokens (the pool r2dbc-pool is built on): a FIFO wait queue, non-blocking acquire, a bound and
 * a timeout, and its metrics for the gauges.
 */
@Component
final class SearchSlots implements DisposableBean {

    private static final Object SLOT = new Object();

    private final InstrumentedPool<Object> slots;
    private final Duration maxWait;
    private final int size;

    SearchSlots(SearchProperties properties, MeterRegistry registry) {
        this.size = properties.maxConcurrent() > 0
                ? properties.maxConcurrent()
                : 2 * Runtime.getRuntime().availableProcessors();
        this.maxWait = properties.maxWait();
        this.slots = PoolBuilder.from(Mono.just(SLOT))
                .sizeBetween(0, size)
                .maxPendingAcquire(properties.maxWaiting())
                .buildPool();
        Gauge.builder(
                        "codebase_mcp.search.running",
                        slots,
                        pool -> pool.metrics().acquiredSize())
                .description("Searches running now (at most codebase.search.max-concurrent)")
                .register(registry);
        Gauge.builder(
                        "codebase_mcp.search.waiting",
                        slots,
                        pool -> pool.metrics().pendingAcquireSize())
                .description("Searches waiting for a slot")
                .register(registry);
    }

    int size() {
        return size;
    }

    /** Runs the search once a slot is free; the slot is given back however the search ends (also on cancel). */
    <T> Mono<T> run(Supplier<Mono<T>> search) {
        return Mono.usingWhen(
                slots.acquire(maxWait).onErrorMap(SearchSlots::isFull, error -> busy()),
                slot -> search.get(),
                PooledRef::release);
    }

    private static boolean isFull(Throwable error) {
        return error instanceof PoolAcquireTimeoutException || error instanceof PoolAcquirePendingLimitException;
    }

    private ApiProblem busy() {
        return ApiProblem.serviceUnavailable(
                "search-busy",
                "Too many searches are waiting (" + size + " run at once); retry after the indicated delay",
                Duration.ofSeconds(1));
    }

    @Override
    public void destroy() {
        slots.dispose();
    }
}
