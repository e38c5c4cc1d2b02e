package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              %s: 1
              template:
                spec:
                  containers:
                    - name: x
                      image: x
                      securityContext:
                        %s: true
            """;

    @Test
    void aMisspeltFieldAtAnyDepthFailsTheParse() {
        assertThatThrownBy(() -> Rendered.parse(DEPLOYMENT.formatted("replicas", "readOnlyRootFilesytem")))
                .hasMessageContaining("spec.template.spec.containers[0].securityContext.readOnlyRootFilesytem");
        assertThatThrownBy(() -> Rendered.parse(DEPLOYMENT.formatted("replica", "readOnlyRootFilesystem")))
                .hasMessageContaining(".spec.replica");
    }

    @Test
    void anUnknownKindFailsTheParse() {
        assertThatThrownBy(() -> Rendered.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"))
                .hasMessageContaining("Widget/w is a kind fabric8 knows");
    }

    @Test
    void aWellFormedDeploymentParses() {
        assertThat(Rendered.parse(DEPLOYMENT.formatted("replicas", "readOnlyRootFilesystem"))
                        .objects())
                .hasSize(1);
    }
}
