package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The current log of every pod of a component (the log check reads them like the local processes' stdout). */
final class PodLogs {

    private final KubernetesClient client;
    private final String namespace;

    PodLogs(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    List<String> lines(Map<String, String> selector, String container) {
        List<Pod> pods = Access.LIST_PODS.call(
                namespace,
                () -> client.pods()
                        .inNamespace(namespace)
                        .withLabels(selector)
                        .list()
                        .getItems());
        List<String> lines = new ArrayList<>();
        for (Pod pod : pods) {
            String name = pod.getMetadata().getName();
            String log = Access.GET_POD_LOG.call(
                    namespace,
                    () -> client.pods()
                            .inNamespace(namespace)
                            .withName(name)
                            .inContainer(containerOf(pod, container))
                            .getLog());
            if (log != null && !log.isEmpty()) {
                lines.addAll(log.lines().toList());
            }
        }
        return lines;
    }

    /** The container named like the component, else the first: sidecars must not be read as the service's log. */
    private static String containerOf(Pod pod, String preferred) {
        List<Container> containers = pod.getSpec().getContainers();
        return containers.stream()
                .map(Container::getName)
                .filter(preferred::equals)
                .findFirst()
                .orElse(containers.get(0).getName());
    }
}
