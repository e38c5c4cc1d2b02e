package dev.mcpstack.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;

/**
 * One JSON object per log line, rendered by Boot's {@link JsonWriter}: {@code timestamp} (ISO 8601), {@code level}
 * (the seed's names, see {@link SeedLevels}),
 * {@code event}, {@code message}, {@code logger}, {@code thread}, {@code context} (every SLF4J key-value pair except
 * {@code event}), {@code trace_id}/{@code span_id} when the MDC has them, and {@code error} for a throwable. Selected
 * by {@code logging.structured.format.console} (a default from mcp-common).
 */
public final class JsonLogFormatter extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

    /** The key-value pair that names the event; lines without one get {@link #DEFAULT_EVENT}. */
    public static final String EVENT_KEY = "event";

    public static final String DEFAULT_EVENT = "log";

    public JsonLogFormatter() {
        super(JsonLogFormatter::members, null);
    }

    private static void members(JsonWriter.Members<ILoggingEvent> members) {
        members.add("timestamp", ILoggingEvent::getInstant).as(Object::toString);
        members.add("level", SeedLevels::name);
        members.add("event", JsonLogFormatter::event);
        members.add("message", ILoggingEvent::getFormattedMessage);
        members.add("logger", ILoggingEvent::getLoggerName);
        members.add("thread", ILoggingEvent::getThreadName);
        members.add("context", JsonLogFormatter::context);
        members.add("trace_id", (ILoggingEvent event) -> mdc(event, "traceId")).whenNotNull();
        members.add("span_id", (ILoggingEvent event) -> mdc(event, "spanId")).whenNotNull();
        members.add("error", JsonLogFormatter::error).whenNotNull();
    }

    private static String event(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (EVENT_KEY.equals(pair.key) && pair.value != null) {
                    return pair.value.toString();
                }
            }
        }
        return DEFAULT_EVENT;
    }

    private static Map<String, @Nullable Object> context(ILoggingEvent event) {
        Map<String, @Nullable Object> context = new LinkedHashMap<>();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (!EVENT_KEY.equals(pair.key)) {
                    context.put(pair.key, pair.value);
                }
            }
        }
        return context;
    }

    private static @Nullable String mdc(ILoggingEvent event, String key) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc == null) {
            return null;
        }
        String value = mdc.get(key);
        return value != null ? value : mdc.get(key.equals("traceId") ? "trace_id" : "span_id");
    }

    private static @Nullable Map<String, String> error(ILoggingEvent event) {
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable == null) {
            return null;
        }
        Map<String, String> error = new LinkedHashMap<>();
        error.put("type", throwable.getClassName());
        error.put("message", String.valueOf(throwable.getMessage()));
        error.put("stack_trace", ThrowableProxyUtil.asString(throwable));
        return error;
    }
}
