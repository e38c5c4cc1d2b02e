package dev.mcpstack.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written Instant writer must produce exactly what Jackson's ISO_INSTANT serializer produced. */
class IsoInstantsTest {

    private static final JsonMapper DEFAULT = JsonMapper.builder().build();
    private static final JsonMapper WITH_WRITER = mapper();

    record Stamped(Instant createdAt) {}

    @Test
    void writesWhatJacksonsOwnSerializerWrites() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.000000001Z"),
                Instant.parse("2000-02-29T12:00:00.100Z"),
                Instant.parse("2026-12-02T06:30:18.123456Z"),
                Instant.parse("2026-12-02T06:30:18.120Z"),
                Instant.parse("2026-12-02T06:30:18.000001Z"),
                Instant.parse("2026-12-02T06:30:18.000000010Z"),
                Instant.parse("1600-03-01T00:00:00Z")));
        Random random = new Random(14);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = first + Math.floorMod(random.nextLong(), last - first + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }

        for (Instant instant : instants) {
            String expected = "\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"";
            assertThat(WITH_WRITER.writeValueAsString(instant)).as(expected).isEqualTo(expected);
            assertThat(WITH_WRITER.writeValueAsString(new Stamped(instant)))
                    .isEqualTo(DEFAULT.writeValueAsString(new Stamped(instant)));
        }
    }

    @Test
    void leavesYearsBeyondFourDigitsAndNumericTimestampsToJackson() {
        Instant farFuture = Instant.parse("+10000-01-01T00:00:00Z");
        Instant beforeYearZero = Instant.parse("-0001-12-31T23:59:59Z");
        assertThat(WITH_WRITER.writeValueAsString(farFuture)).isEqualTo(DEFAULT.writeValueAsString(farFuture));
        assertThat(WITH_WRITER.writeValueAsString(beforeYearZero))
                .isEqualTo(DEFAULT.writeValueAsString(beforeYearZero));

        Instant instant = Instant.parse("2026-12-02T06:30:18.123Z");
        JsonMapper numeric = mapper().rebuild()
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        assertThat(numeric.writeValueAsString(instant)).isEqualTo("1796193018.123000000");
    }

    private static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new IsoInstants().customize(builder);
        return builder.build();
    }
}
