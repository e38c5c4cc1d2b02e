package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.model.ServerId;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a release's stack by the chart's selector labels only (never by name), so a renamed or nameOverride'd
 * install is found too, and nothing outside the release is ever picked up.
 */
final class StackDiscovery {

    private final KubernetesClient client;

    StackDiscovery(KubernetesClient client) {
        this.client = client;
    }

    DiscoveredStack discover(String namespace, String release) {
        Map<ServerId, DiscoveredStack.Workload> services = new EnumMap<>(ServerId.class);
        for (ServerId server : ServerId.values()) {
            Map<String, String> selector = ChartLabels.selector(release, server);
            List<Deployment> deployments = Access.LIST_DEPLOYMENTS.call(
                    namespace,
                    () -> client.apps()
                            .deployments()
                            .inNamespace(namespace)
                            .withLabels(selector)
                            .list()
                            .getItems());
            List<Service> found = Access.LIST_SERVICES.call(
                    namespace,
                    () -> client.services()
                            .inNamespace(namespace)
                            .withLabels(selector)
                            .list()
                            .getItems());
            Deployment deployment = single(deployments, "Deployment", namespace, release, selector);
            Service service = single(found, "Service", namespace, release, selector);
            services.put(
                    server,
                    new DiscoveredStack.Workload(
                            deployment.getMetadata().getName(),
                            service.getMetadata().getName(),
                            httpPort(service)));
        }
        List<StatefulSet> databases = Access.LIST_STATEFULSETS.call(
                namespace,
                () -> client.apps()
                        .statefulSets()
                        .inNamespace(namespace)
                        .withLabels(ChartLabels.selector(release, ChartLabels.DATABASE))
                        .list()
                        .getItems());
        String database =
                databases.isEmpty() ? null : databases.get(0).getMetadata().getName();
        return new DiscoveredStack(namespace, release, services, database);
    }

    private static <T extends HasMetadata> T single(
            List<T> items, String kind, String namespace, String release, Map<String, String> selector) {
        if (items.size() == 1) {
            return items.get(0);
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("no " + kind + " labelled " + selector + " in namespace " + namespace
                    + ": is the chart installed there as release '" + release + "'? (helm list -n " + namespace
                    + "; --release and --namespace choose)");
        }
        throw new IllegalStateException(
                items.size() + " " + kind + "s labelled " + selector + " in namespace " + namespace + ": "
                        + items.stream().map(i -> i.getMetadata().getName()).toList());
    }

    private static int httpPort(Service service) {
        List<ServicePort> ports = service.getSpec().getPorts();
        return ports.stream()
                .filter(p -> "http".equals(p.getName()))
                .findFirst()
                .or(() -> ports.stream().findFirst())
                .map(ServicePort::getPort)
                .orElseThrow(() -> new IllegalStateException(
                        "Service " + service.getMetadata().getName() + " has no port"));
    }
}
