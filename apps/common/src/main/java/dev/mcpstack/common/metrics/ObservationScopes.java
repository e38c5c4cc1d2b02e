package dev.mcpstack.common.metrics;

import io.micrometer.context.ContextRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.stereotype.Component;

/**
 * Stops Reactor from opening and closing a ThreadLocal scope of the request's observation around every signal of
 * every {@code handle}/{@code tap} operator (with context-propagation on the class path it does so by default, and
 * r2dbc-postgresql handles each protocol message that way): 5-8 % of an entity query's CPU in the profile
 * (docs/performance/workflow-mcp.md). Nothing here reads the observation from a ThreadLocal: there is no tracer,
 * the meters are recorded from the observation itself, and the Reactor Context still carries it to the WebClient
 * and r2dbc observations.
 */
@Component
final class ObservationScopes {

    ObservationScopes() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(ObservationThreadLocalAccessor.KEY);
    }
}
