package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Waits on the API, never by sleeping: {@code waitUntilCondition} for a workload's ready replicas, an informer
 * condition for "no pod left" after a scale to 0.
 */
final class Rollouts {

    private final KubernetesClient client;
    private final String namespace;

    Rollouts(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    void awaitDeployment(String name, Duration timeout) {
        Access.WATCH_DEPLOYMENTS.run(
                namespace,
                () -> client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(name)
                        .waitUntilCondition(Rollouts::ready, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Ready for callers: the Service routes to at least one ready address (what the suites' requests go through). */
    void awaitEndpoints(String service, Duration timeout) {
        Access.WATCH_ENDPOINTS.run(
                namespace,
                () -> client.endpoints()
                        .inNamespace(namespace)
                        .withName(service)
                        .waitUntilCondition(Rollouts::routable, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    static boolean routable(@Nullable Endpoints endpoints) {
        return endpoints != null
                && endpoints.getSubsets() != null
                && endpoints.getSubsets().stream()
                        .anyMatch(s ->
                                s.getAddresses() != null && !s.getAddresses().isEmpty());
    }

    void awaitStatefulSet(String name, Duration timeout) {
        Access.WATCH_STATEFULSETS.run(
                namespace,
                () -> client.apps()
                        .statefulSets()
                        .inNamespace(namespace)
                        .withName(name)
                        .waitUntilCondition(Rollouts::ready, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    void awaitNoPods(Map<String, String> selector, Duration timeout) {
        CompletableFuture<List<Pod>> gone = Access.WATCH_PODS.call(
                namespace,
                () -> client.pods().inNamespace(namespace).withLabels(selector).informOnCondition(List::isEmpty));
        try {
            gone.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "pods labelled " + selector + " still there " + timeout.toSeconds() + " s after scaling to 0");
        } catch (ExecutionException e) {
            throw new IllegalStateException("watching pods labelled " + selector + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for pods labelled " + selector + " to go");
        } finally {
            gone.cancel(true);
        }
    }

    static boolean ready(@Nullable Deployment d) {
        return d != null
                && d.getStatus() != null
                && replicasReady(d.getSpec().getReplicas(), d.getStatus().getReadyReplicas());
    }

    static boolean ready(@Nullable StatefulSet s) {
        return s != null
                && s.getStatus() != null
                && replicasReady(s.getSpec().getReplicas(), s.getStatus().getReadyReplicas());
    }

    private static boolean replicasReady(@Nullable Integer wanted, @Nullable Integer ready) {
        int want = wanted == null ? 1 : wanted;
        return want > 0 && ready != null && ready >= want;
    }
}
