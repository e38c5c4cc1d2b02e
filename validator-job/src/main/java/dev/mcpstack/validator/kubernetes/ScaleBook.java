package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.model.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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

        private boolean deployment() {
            return kind.equals("Deployment");
        }

        Access get() {
            return deployment() ? Access.GET_DEPLOYMENTS : Access.GET_STATEFULSETS;
        }

        Access patch() {
            return deployment() ? Access.PATCH_DEPLOYMENTS : Access.PATCH_STATEFULSETS;
        }

        Access getScale() {
            return deployment() ? Access.GET_DEPLOYMENT_SCALE : Access.GET_STATEFULSET_SCALE;
        }

        Access patchScale() {
            return deployment() ? Access.PATCH_DEPLOYMENT_SCALE : Access.PATCH_STATEFULSET_SCALE;
        }

        RollableScalableResource<? extends HasMetadata> resource(KubernetesClient client, String namespace) {
            return deployment()
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
        int original = changed.containsKey(workload) ? changed.get(workload) : replicas(workload);
        // the count to restore is on the object before the scale changes: a crash in between leaves a no-op restore
        annotate(workload, String.valueOf(original));
        changed.put(workload, original);
        setReplicas(workload, replicas);
        progress.accept("scaled " + workload.kind() + " " + workload.name() + " " + original + " -> " + replicas);
    }

    /** Scales {@code workload} back to the count it had before the first {@link #scale}; no-op if untouched. */
    synchronized void restore(Workload workload) {
        Integer original = changed.get(workload);
        if (original == null) {
            return;
        }
        setReplicas(workload, original);
        annotate(workload, null);
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

    private void annotate(Workload workload, @Nullable String restore) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(RESTORE, restore);
        String body = Json.MAPPER.writeValueAsString(Map.of("metadata", Map.of("annotations", annotations)));
        workload.patch()
                .run(
                        namespace,
                        () -> workload.resource(client, namespace).patch(PatchContext.of(PatchType.JSON_MERGE), body));
    }

    /** Through the scale subresource, as kubectl scale does: what an HPA or operator watches for. */
    private void setReplicas(Workload workload, int replicas) {
        String body = Json.MAPPER.writeValueAsString(Map.of("spec", Map.of("replicas", replicas)));
        workload.patchScale()
                .run(
                        namespace,
                        () -> workload.resource(client, namespace)
                                .subresource("scale")
                                .patch(PatchContext.of(PatchType.JSON_MERGE), body));
    }

    private int replicas(Workload workload) {
        Scale scale = workload.getScale()
                .call(namespace, () -> workload.resource(client, namespace).scale());
        Integer replicas = scale == null || scale.getSpec() == null
                ? null
                : scale.getSpec().getReplicas();
        // the API server defaults an absent count to 1
        return replicas == null ? 1 : replicas;
    }
}
