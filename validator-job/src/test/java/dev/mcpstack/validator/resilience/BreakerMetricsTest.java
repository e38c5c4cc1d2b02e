package dev.mcpstack.validator.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakerMetricsTest {

    @Test
    void readsTheStateAndTheRecordedCallsOfTheCodebaseBreaker() {
        String text = """
                # HELP resilience4j_circuitbreaker_state The states of the circuit breaker
                # TYPE resilience4j_circuitbreaker_state gauge
                resilience4j_circuitbreaker_state{application="workflow-mcp",name="codebase",state="closed"} 0.0
                resilience4j_circuitbreaker_state{application="workflow-mcp",name="codebase",state="open"} 1.0
                resilience4j_circuitbreaker_state{application="workflow-mcp",name="other",state="closed"} 1.0
                resilience4j_circuitbreaker_calls_seconds_count{application="workflow-mcp",kind="failed",name="codebase"} 4
                resilience4j_circuitbreaker_calls_seconds_count{application="workflow-mcp",kind="successful",name="codebase"} 12
                resilience4j_circuitbreaker_calls_seconds_count{application="workflow-mcp",kind="failed",name="other"} 99
                """;

        BreakerMetrics metrics = BreakerMetrics.parse(text).orElseThrow();

        assertThat(metrics.state()).isEqualTo("open");
        assertThat(metrics.open()).isTrue();
        assertThat(metrics.closed()).isFalse();
        assertThat(metrics.calls()).isEqualTo(16);
        assertThat(metrics.failedCalls()).isEqualTo(4);
    }

    @Test
    void noBreakerInTheMetricsIsEmpty() {
        assertThat(BreakerMetrics.parse("jvm_threads_live_threads 20.0\n")).isEmpty();
    }
}
