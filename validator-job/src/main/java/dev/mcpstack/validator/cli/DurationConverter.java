package dev.mcpstack.validator.cli;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine;

/** Accepts k6-style durations ({@code 30s}, {@code 2m}, {@code 500ms}) as well as ISO-8601 ({@code PT30S}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return DurationStyle.detectAndParse(value);
    }
}
