package dev.mcpstack.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Every logback level, with and without the fatal markers bridges use, renders as one of the seed's names. */
class SeedLevelsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.mcpstack.test");
    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "TRACE, -, DEBUG",
                "DEBUG, -, DEBUG",
                "INFO, -, INFO",
                "WARN, -, WARNING",
                "ERROR, -, ERROR",
                "ERROR, FATAL, CRITICAL",
                "ERROR, CRITICAL, CRITICAL",
                "ERROR, SOMETHING_ELSE, ERROR",
                "WARN, CRITICAL, WARNING"
            })
    void rendersTheSeedsLevelName(String logbackLevel, @Nullable String marker, String expected) {
        LoggingEvent event =
                new LoggingEvent(Logger.class.getName(), logger, Level.toLevel(logbackLevel), "a line", null, null);
        if (marker != null) {
            event.addMarker(MarkerFactory.getMarker(marker));
        }

        String line = formatter.format(event);

        String level = JSON.readTree(line).path("level").asString();
        assertThat(level).isEqualTo(expected).isIn(SeedLevels.NAMES);
    }
}
