package dev.mcpstack.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps the Prometheus exposition clean for {@code promtool check metrics}: meters that Boot's observations and
 * Micrometer's binders register without a description get one (HELP); the two counters Micrometer keeps in
 * milliseconds and nanoseconds ({@code jvm.compilation.time}, {@code process.cpu.time}) are dropped, since a filter
 * cannot rescale them to seconds ({@link JitCompilationSeconds} registers the first again in seconds, and
 * {@code process_cpu_usage} already tells the CPU story); and the
 * {@code system.cpu.count} gauge, whose {@code _count} suffix Prometheus reserves for histograms and summaries, is
 * renamed. Boot applies every {@link MeterFilter} bean before the first meter is registered.
 */
@Component
final class PrometheusLint implements MeterFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP server requests handled, by method, uri, status, outcome",
            "http.server.requests.active", "HTTP server requests in flight",
            "r2dbc.query", "R2DBC statements executed",
            "r2dbc.query.active", "R2DBC statements in flight",
            "r2dbc.query.r2dbc.query.result", "R2DBC result rows emitted");

    private static final Set<String> NOT_IN_SECONDS = Set.of("jvm.compilation.time", "process.cpu.time");

    private static final Map<String, String> RENAMES = Map.of("system.cpu.count", "system.cpu.processors");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return NOT_IN_SECONDS.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = RENAMES.getOrDefault(id.getName(), id.getName());
        String description = id.getDescription();
        if (description == null || description.isBlank()) {
            description = DESCRIPTIONS.getOrDefault(name, name.replace('.', ' '));
        }
        if (name.equals(id.getName()) && description.equals(id.getDescription())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
    }
}
