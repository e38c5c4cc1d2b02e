package dev.mcpstack.common.json;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes {@link Instant}s exactly as Jackson's own serializer does ({@code DateTimeFormatter.ISO_INSTANT}: UTC, the
 * fraction in groups of three digits, as many as needed), straight into a char array. The JDK formatter builds a
 * LocalDateTime and two intermediate strings per value: 3-4 % of workflow-mcp's CPU in the benchmark's profile,
 * where every entity carries two timestamps (docs/performance/workflow-mcp.md). Years outside 0000-9999 and
 * numeric timestamps ({@code WRITE_DATES_AS_TIMESTAMPS}) are left to Jackson's serializer.
 */
@Component
final class IsoInstants implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("iso-instants").addSerializer(Instant.class, new Writer()));
    }

    static final class Writer extends StdSerializer<Instant> {

        private static final long FIRST_SECOND =
                Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        private static final long LAST_SECOND =
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        private static final int SECONDS_PER_DAY = 86_400;

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            long seconds = value.getEpochSecond();
            if (seconds < FIRST_SECOND
                    || seconds > LAST_SECOND
                    || context.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                InstantSerializer.INSTANCE.serialize(value, generator, context);
                return;
            }
            char[] text = new char[30];
            int length = format(seconds, value.getNano(), text);
            generator.writeString(text, 0, length);
        }

        /** {@code yyyy-MM-ddTHH:mm:ss[.SSS[SSS[SSS]]]Z} into {@code text}; returns the length. */
        static int format(long seconds, int nanos, char[] text) {
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
            int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
            digits(text, 0, date.getYear(), 4);
            text[4] = '-';
            digits(text, 5, date.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, date.getDayOfMonth(), 2);
            text[10] = 'T';
            digits(text, 11, secondOfDay / 3600, 2);
            text[13] = ':';
            digits(text, 14, secondOfDay / 60 % 60, 2);
            text[16] = ':';
            digits(text, 17, secondOfDay % 60, 2);
            int end = 19;
            if (nanos != 0) {
                text[end++] = '.';
                if (nanos % 1_000_000 == 0) {
                    end = digits(text, end, nanos / 1_000_000, 3);
                } else if (nanos % 1_000 == 0) {
                    end = digits(text, end, nanos / 1_000, 6);
                } else {
                    end = digits(text, end, nanos, 9);
                }
            }
            text[end++] = 'Z';
            return end;
        }

        private static int digits(char[] text, int at, int value, int width) {
            int rest = value;
            for (int i = at + width - 1; i >= at; i--) {
                text[i] = (char) ('0' + rest % 10);
                rest /= 10;
            }
            return at + width;
        }
    }
}
