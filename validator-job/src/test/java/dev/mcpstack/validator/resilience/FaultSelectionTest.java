package dev.mcpstack.validator.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.run.RunOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code run --faults}: which checks of the suite run, in which order, and what is refused. */
class FaultSelectionTest {

    @Test
    void noSelectionRunsEveryFaultInTheSuitesOrder() {
        assertThat(ResilienceSuite.selected(List.of()))
                .containsExactly(
                        FaultKind.PROCESS_KILL,
                        FaultKind.GRACEFUL_STOP,
                        FaultKind.DATABASE_OUTAGE,
                        FaultKind.DEPENDENCY_DOWN,
                        FaultKind.POOL_EXHAUSTION,
                        FaultKind.STALE_REFERENCE);
    }

    @Test
    void aSelectionKeepsTheSuitesOrderWhateverOrderItWasGivenIn() {
        assertThat(ResilienceSuite.selected(List.of(FaultKind.STALE_REFERENCE, FaultKind.DATABASE_OUTAGE)))
                .containsExactly(FaultKind.DATABASE_OUTAGE, FaultKind.STALE_REFERENCE);
    }

    @Test
    void podKillSelectsThePlatformsKill() {
        assertThat(ResilienceSuite.selected(List.of(FaultKind.POD_KILL))).containsExactly(FaultKind.PROCESS_KILL);
    }

    @Test
    void faultsWithoutTheResilienceSuiteAreRefusedWithTheReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> options(List.of("benchmarks"), List.of(FaultKind.POOL_EXHAUSTION)))
                .withMessageContaining("--faults [pool_exhaustion] needs the resilience suite in --suites");
    }

    @Test
    void anUnknownFaultNameIsNamedInTheError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FaultKind.parse("pool_exhausted"))
                .withMessageContaining("unknown fault 'pool_exhausted'");
    }

    private static RunOptions options(List<String> suites, List<FaultKind> faults) {
        return new RunOptions(
                "local",
                suites,
                "quick",
                null,
                Path.of("target/validation"),
                null,
                null,
                null,
                null,
                null,
                "mcp-stack",
                null,
                List.of(),
                10,
                faults);
    }
}
