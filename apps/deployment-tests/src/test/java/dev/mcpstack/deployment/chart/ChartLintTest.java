package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = new Helm(Chart.directory()).lint().strict().call();

        assertThat(result.getMessages())
                .filteredOn(m -> m.contains("[WARNING]") || m.contains("[ERROR]"))
                .isEmpty();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }
}
