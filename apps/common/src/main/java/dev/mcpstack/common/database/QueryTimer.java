package dev.mcpstack.common.database;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code r2dbc.query} timer ({@code r2dbc_query_seconds}), recorded from the statement timing r2dbc-proxy hands
 * to {@link SlowQueryLogging} anyway. It stands in for Boot's r2dbc-proxy observation (excluded in
 * mcp-common-defaults.properties), which kept the same timer but also opened an observation per statement and
 * fired an observation event per row: 5-7 % of workflow-mcp's CPU (docs/performance/workflow-mcp.md). Same name,
 * same tags ({@code r2dbc.connection}, {@code r2dbc.thread}, {@code error}); the per-row counter and the in-flight
 * long-task timer of that observation are gone, nothing used them.
 */
final class QueryTimer {

    private static final String NAME = "r2dbc.query";
    private static final String NO_ERROR = "none";

    private final MeterRegistry registry;
    private final String connectionName;
    /** One timer per event-loop thread name (a bounded set): no tag sorting or registry lookup per statement. */
    private final ConcurrentMap<String, Timer> successes = new ConcurrentHashMap<>();

    QueryTimer(MeterRegistry registry, String connectionName) {
        this.registry = registry;
        this.connectionName = connectionName;
    }

    void record(QueryExecutionInfo execution) {
        String thread = execution.getThreadName();
        Throwable error = execution.getThrowable();
        Timer timer = error == null
                ? successes.computeIfAbsent(thread, name -> timer(name, NO_ERROR))
                : timer(thread, error.getClass().getSimpleName());
        timer.record(execution.getExecuteDuration());
    }

    private Timer timer(String thread, String error) {
        return Timer.builder(NAME)
                .description("R2DBC statements executed")
                .tag("r2dbc.connection", connectionName)
                .tag("r2dbc.thread", thread)
                .tag("error", error)
                .register(registry);
    }
}
