package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartSchemaTest {

    @Test
    void aStringReplicaCountIsRejectedNamingTheField() {
        assertThatThrownBy(() -> Chart.render(Map.of("codebaseMcp.replicaCount", "two")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("at '/codebaseMcp/replicaCount': got string, want integer");
    }

    @Test
    void anUnknownKeyIsRejectedNamingIt() {
        assertThatThrownBy(() -> Chart.render(Map.of("workflowMcp.replicas", 3)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("replicas")
                .hasMessageContaining("not allowed");
    }

    @Test
    void anUnknownProfileIsRejected() {
        assertThatThrownBy(() -> Chart.render(Map.of("validator.profile", "huge")))
                .hasMessageContaining("at '/validator/profile': value must be one of 'smoke', 'quick'");
    }
}
