package dev.mcpstack.validator.resilience;

import static dev.mcpstack.validator.resilience.Outcomes.failed;
import static dev.mcpstack.validator.resilience.Outcomes.nanos;
import static dev.mcpstack.validator.resilience.Outcomes.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnavailableWindowTest {

    @Test
    void runsFromTheLastSuccessBeforeTheFaultToTheFirstSuccessSentAfterIt() {
        List<Outcome> outcomes = List.of(
                ok(900, 950),
                ok(960, 990),
                failed(1010, 1011, "connection_refused"),
                failed(2000, 2001, "connection_refused"),
                ok(3000, 3040),
                ok(3050, 3060));

        assertThat(UnavailableWindow.windowMs(outcomes, nanos(1000))).hasValue(3040 - 990);
        assertThat(UnavailableWindow.detectionMs(outcomes, nanos(1000))).hasValue(11);
        assertThat(UnavailableWindow.firstSuccessAfter(outcomes, nanos(1000))).hasValue(nanos(3040));
    }

    @Test
    void aRequestInFlightAcrossTheFaultCountsForNeitherEnd() {
        List<Outcome> outcomes = List.of(ok(100, 200), ok(950, 1500), ok(1600, 1700));

        assertThat(UnavailableWindow.windowMs(outcomes, nanos(1000))).hasValue(1700 - 200);
    }

    @Test
    void withoutASuccessAfterTheFaultThereIsNoWindow() {
        List<Outcome> outcomes = List.of(ok(100, 200), failed(1100, 1200, "timeout"));

        assertThat(UnavailableWindow.windowMs(outcomes, nanos(1000))).isEmpty();
        assertThat(UnavailableWindow.windowOrNull(outcomes, nanos(1000))).isNull();
        assertThat(UnavailableWindow.firstSuccessAfter(outcomes, nanos(1000))).isEmpty();
    }

    @Test
    void withoutASuccessBeforeTheFaultTheWindowStartsAtTheFault() {
        List<Outcome> outcomes = List.of(failed(1000, 1005, "http_503"), ok(1400, 1450));

        assertThat(UnavailableWindow.windowMs(outcomes, nanos(1000))).hasValue(450);
    }

    @Test
    void nothingFailingMeansNoDetection() {
        List<Outcome> outcomes = List.of(failed(100, 200, "timeout"), ok(1100, 1200));

        assertThat(UnavailableWindow.detectionMs(outcomes, nanos(1000))).isEmpty();
    }
}
