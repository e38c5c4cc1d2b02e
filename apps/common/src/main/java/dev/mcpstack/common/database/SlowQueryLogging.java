package dev.mcpstack.common.database;

import dev.mcpstack.common.logging.EventThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.callback.ProxyConfig;
import io.r2dbc.proxy.callback.ProxyFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Logs {@code slow_query} for statements slower than {@code mcp.database.slow-query.threshold} and times every
 * statement ({@link QueryTimer}). Uses r2dbc-proxy, which Boot wraps around the pool when it is on the class path:
 * the one listener sees every statement's SQL text (with bind markers, never bound values) and its execution time,
 * for DatabaseClient and repositories alike. Rows are not proxied ({@link UnwrappedRows}): the execution time needs
 * only the statement and its result.
 */
@Component
final class SlowQueryLogging implements ProxyConnectionFactoryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SlowQueryLogging.class);
    private static final int MAX_SQL_LENGTH = 300;

    private final Duration threshold;
    private final EventThrottle throttle;
    private final MeterRegistry meters;

    SlowQueryLogging(SlowQueryProperties properties, EventThrottle throttle, MeterRegistry meters) {
        this.threshold = properties.threshold();
        this.throttle = throttle;
        this.meters = meters;
    }

    @Override
    public void customize(ProxyConnectionFactory.Builder builder) {
        ProxyConfig config = builder.getProxyConfig();
        ProxyFactory proxies = config.getProxyFactory();
        config.setProxyFactoryFactory(ignored -> new UnwrappedRows(proxies));
        QueryTimer timer = new QueryTimer(
                meters, builder.getConnectionFactory().getMetadata().getName());
        builder.listener(new ProxyExecutionListener() {
            @Override
            public void afterQuery(QueryExecutionInfo execution) {
                timer.record(execution);
                Duration took = execution.getExecuteDuration();
                if (took.compareTo(threshold) <= 0) {
                    return;
                }
                long suppressed = throttle.tryAcquire("slow_query");
                if (suppressed < 0) {
                    return;
                }
                String sql =
                        execution.getQueries().stream().map(QueryInfo::getQuery).collect(Collectors.joining("; "));
                log.atWarn()
                        .addKeyValue("event", "slow_query")
                        .addKeyValue("duration_ms", took.toMillis())
                        .addKeyValue("threshold_ms", threshold.toMillis())
                        .addKeyValue(
                                "sql", sql.length() > MAX_SQL_LENGTH ? sql.substring(0, MAX_SQL_LENGTH) + "..." : sql)
                        .addKeyValue("success", execution.isSuccess())
                        .addKeyValue("suppressed", suppressed)
                        .log("Query took {} ms", took.toMillis());
            }
        });
    }
}
