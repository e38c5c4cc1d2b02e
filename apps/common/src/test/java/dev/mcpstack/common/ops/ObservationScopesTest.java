package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.common.testapp.TestAppTest;
import io.micrometer.context.ContextRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;

/** The request observation is not restored into ThreadLocals (HealthAndMetricsTest shows its meters remain). */
@TestAppTest
class ObservationScopesTest {

    @Test
    void noThreadLocalAccessorForObservations() {
        assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
                .noneMatch(accessor -> ObservationThreadLocalAccessor.KEY.equals(accessor.key()));
    }
}
