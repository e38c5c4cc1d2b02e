package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.model.ServerId;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What {@link StackDiscovery} found for one release: both services' Deployment and Service, the bundled database. */
public record DiscoveredStack(
        String namespace,
        String release,
        Map<ServerId, Workload> services,
        @Nullable String databaseStatefulSet) {

    /** One service: its Deployment, and its Service with the port named {@code http}. */
    public record Workload(String deployment, String service, int port) {

        /** The in-cluster URL through the Service, as the chart wires workflow-mcp to codebase-mcp. */
        URI url(String namespace) {
            return URI.create("http://" + service + "." + namespace + ".svc:" + port);
        }
    }

    public DiscoveredStack {
        services = new EnumMap<>(services);
    }

    public Workload workload(ServerId server) {
        Workload workload = services.get(server);
        if (workload == null) {
            throw new IllegalStateException(server + " was not discovered");
        }
        return workload;
    }

    public Optional<String> database() {
        return Optional.ofNullable(databaseStatefulSet);
    }
}
