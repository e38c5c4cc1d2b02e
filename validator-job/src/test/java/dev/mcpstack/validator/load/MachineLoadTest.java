package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Steal over an interval from two /proc/stat readings, and null (unknown) rather than a made-up figure. */
class MachineLoadTest {

    @Test
    void stealIsItsShareOfTheTicksBetweenTwoReadings() {
        assertThat(MachineLoad.stealPercent(new long[] {10, 1_000}, new long[] {35, 2_000}))
                .isEqualTo(2.5);
        assertThat(MachineLoad.stealPercent(null, new long[] {35, 2_000})).isNull();
        assertThat(MachineLoad.stealPercent(new long[] {10, 1_000}, new long[] {10, 1_000}))
                .isNull();
    }

    @Test
    void readsTheLoadAverageWhereProcExists() {
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/loadavg"))) {
            assertThat(MachineLoad.loadAverages()).matches("[0-9.]+ [0-9.]+ [0-9.]+");
            assertThat(MachineLoad.cpuTicks()).hasSize(2);
        } else {
            assertThat(MachineLoad.loadAverages()).isNull();
        }
    }
}
