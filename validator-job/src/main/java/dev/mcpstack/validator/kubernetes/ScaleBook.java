package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.model.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scales Deployments and StatefulSets down for a fault and keeps the book of what to restore. The original replica
 * count goes onto the object itself (annotation {@value #RESTORE}, in the same merge patch as the new count), so a
 * validator killed with SIGKILL leaves enough behind for the next run to restore it ({@link #restoreLeftovers}).
 */
final class ScaleBook {

    static final String RESTORE = "mcp-stack.dev/validator-restore-replicas";

    private final KubernetesClient client;
    private final String namespace;
    private final Consumer<String> progress;
    private final Map<Workload, Integer> changed = new LinkedHashMap<>();

    /** A scalable object of the chart and the verbs that touch it. */
    record Workload(String kind, String name, String component) {

        static Workload deployment(String name, String component) {
            return new Workload("Deployment", name, component);
        }

        static Workload statefulSet(String name, String component) {
            return new Workload("StatefulSet", name, component);
        }

        Access get() {
            return kind.equals("Deployment") ? Access.GET_DEPLOYMENTS : Access.GET_STATEFULSETS;
        }

        Access patch() {
            return kind.equals("Deployment") ? Access.PATCH_DEPLOYMENTS : Access.PATCH_STATEFULSETS;
        }

        Resource<? extends HasMetadata> resource(KubernetesClient client, String namespace) {
            return kind.equals("Deployment")
                    ? client.apps().deployments().inNamespace(namespace).withName(name)
                    : client.apps().statefulSets().inNamespace(namespace).withName(name);
        }
    }

    ScaleBook(KubernetesClient client, String namespace, Consumer<String> progress) {
        this.client = client;
        this.namespace = namespace;
        this.progress = progress;
    }

    /** Scales {@code workload} to {@code replicas}, remembering the count to restore unless already remembered. */
    synchronized void scale(Workload workload, int replicas, NamespaceGuard guard, String release) {
        HasMetadata current = workload.get()
                .call(namespace, () -> workload.resource(client, namespace).get());
        if (current == null) {
            throw new IllegalStateException(workload.kind() + " " + workload.name() + " not found in " + namespace);
        }
        guard.check(current, release, workload.component());
        int original = changed.containsKey(workload) ? changed.get(workload) : replicas(current);
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(RESTORE, String.valueOf(original));
        patch(workload, replicas, annotations);
        changed.put(workload, original);
        progress.accept("scaled " + workload.kind() + " " + workload.name() + " " + original + " -> " + replicas);
    }

    /** Scales {@code workload} back to the count it had before the first {@link #scale}; no-op if untouched. */
    synchronized void restore(Workload workload) {
        Integer original = changed.get(workload);
        if (original == null) {
            return;
        }
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(RESTORE, null);
        patch(workload, original, annotations);
        changed.remove(workload);
        progress.accept("restored " + workload.kind() + " " + workload.name() + " to " + original + " replica(s)");
    }

    /** Restores everything still changed; each failure is reported and the others are still restored. */
    synchronized List<String> restoreAll() {
        List<String> failures = new ArrayList<>();
        for (Workload workload : List.copyOf(changed.keySet())) {
            try {
                restore(workload);
            } catch (RuntimeException e) {
                failures.add("could not restore " + workload.kind() + " " + workload.name() + " to "
                        + changed.get(workload) + ": " + e.getMessage());
            }
        }
        failures.forEach(progress);
        return failures;
    }

    /** Restores objects an earlier, killed validator left scaled down (they still carry {@value #RESTORE}). */
    synchronized void restoreLeftovers(List<? extends HasMetadata> objects, String component) {
        for (HasMetadata object : objects) {
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            String restore = annotations == null ? null : annotations.get(RESTORE);
            if (restore != null && restore.matches("\\d+")) {
                Workload workload =
                        new Workload(object.getKind(), object.getMetadata().getName(), component);
                progress.accept("an earlier run left " + workload.kind() + " " + workload.name() + " scaled down");
                changed.put(workload, Integer.parseInt(restore));
                restore(workload);
            }
        }
    }

    private void patch(Workload workload, int replicas, Map<String, Object> annotations) {
        String body = Json.MAPPER.writeValueAsString(
                Map.of("metadata", Map.of("annotations", annotations), "spec", Map.of("replicas", replicas)));
        workload.patch()
                .run(
                        namespace,
                        () -> workload.resource(client, namespace).patch(PatchContext.of(PatchType.JSON_MERGE), body));
    }

    private static int replicas(HasMetadata object) {
        Integer replicas = object instanceof Deployment deployment
                ? deployment.getSpec().getReplicas()
                : object instanceof StatefulSet statefulSet
                        ? statefulSet.getSpec().getReplicas()
                        : null;
        // the API server defaults an absent count to 1
        return replicas == null ? 1 : replicas;
    }
}
