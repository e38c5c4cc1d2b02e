package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reads the services' compiler time from their Prometheus exposition, and nothing else that starts alike. */
class JitClockTest {

    @Test
    void readsTheCounterWithOrWithoutLabels() {
        String exposition = """
                # HELP jvm_compilation_seconds_total CPU time spent by the JIT compilers
                # TYPE jvm_compilation_seconds_total counter
                jvm_compilation_seconds_total{application="workflow-mcp"} 28.512
                jvm_compilation_seconds_total_created{application="workflow-mcp"} 1.7e9
                jvm_memory_used_bytes{area="heap"} 1.0E8
                """;

        assertThat(JitClock.parse(exposition)).isEqualTo(28.512);
        assertThat(JitClock.parse("jvm_compilation_seconds_total 3.5\n")).isEqualTo(3.5);
    }

    @Test
    void aServiceWithoutTheCounterAddsNothing() {
        assertThat(JitClock.parse("jvm_memory_used_bytes{area=\"heap\"} 1.0E8\n"))
                .isZero();
    }
}
