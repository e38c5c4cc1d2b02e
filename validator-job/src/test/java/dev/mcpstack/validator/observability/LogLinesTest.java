package dev.mcpstack.validator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.ServerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    private static final String GOOD = "{\"timestamp\":\"2026-11-22T11:20:16.675Z\",\"level\":\"INFO\","
            + "\"event\":\"index_completed\",\"message\":\"done\",\"context\":{\"files\":3}}";

    @Test
    void acceptsWellFormedEvents() {
        assertThat(LogLines.check(ServerId.CODEBASE, List.of(GOOD, "", GOOD)).status())
                .isEqualTo(PassStatus.PASS);
    }

    @Test
    void namesTheFirstMalformedLines() {
        var result = LogLines.check(
                ServerId.WORKFLOW,
                List.of(
                        GOOD,
                        "Started WorkflowMcpApplication in 3.2 seconds",
                        "{\"timestamp\":\"yesterday\",\"level\":\"INFO\",\"event\":\"e\",\"message\":\"m\",\"context\":{}}",
                        "{\"timestamp\":\"2026-11-22T11:20:16Z\",\"level\":\"INFO\",\"message\":\"m\",\"context\":{}}"));

        assertThat(result.status()).isEqualTo(PassStatus.FAIL);
        assertThat(result.detail())
                .startsWith("3 of 4 lines malformed")
                .contains("line 2: not JSON")
                .contains("line 3: timestamp is not ISO 8601")
                .contains("line 4: missing 'event'");
    }

    @Test
    void holdsEveryLineToTheSeedsLevelNames() {
        for (String level : List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")) {
            assertThat(LogLines.check(ServerId.CODEBASE, List.of(GOOD.replace("INFO", level)))
                            .status())
                    .as(level)
                    .isEqualTo(PassStatus.PASS);
        }
        for (String level : List.of("WARN", "TRACE", "FATAL", "info")) {
            var result = LogLines.check(ServerId.CODEBASE, List.of(GOOD.replace("INFO", level)));
            assertThat(result.status()).as(level).isEqualTo(PassStatus.FAIL);
            assertThat(result.detail()).contains("level \"" + level + "\" is not one of");
        }
    }

    @Test
    void failsWhenNothingWasCaptured() {
        assertThat(LogLines.check(ServerId.CODEBASE, List.of()).detail()).isEqualTo("no log lines captured");
    }
}
