package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One informer on the release's pods for the whole run: counts replacements and container restarts per component,
 * and follows each fault's replacement pod from scheduled to ready. Handlers run on the informer's thread and only
 * record; waiting happens on the caller's thread through futures.
 */
final class PodTracker implements ResourceEventHandler<Pod>, AutoCloseable {

    private final String release;
    private final Consumer<String> progress;
    private final Set<String> initialPods = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> replacements = new ConcurrentHashMap<>();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<PodRecovery> recoveries = new ArrayList<>();
    private final SharedIndexInformer<Pod> informer;
    private volatile boolean synced;

    private static final class Pending {
        private final Set<String> before;
        private final CompletableFuture<PodRecovery> done = new CompletableFuture<>();
        private volatile PodRecovery recovery;

        private Pending(Set<String> before, PodRecovery recovery) {
            this.before = before;
            this.recovery = recovery;
        }
    }

    PodTracker(KubernetesClient client, String namespace, String release, Consumer<String> progress) {
        this.release = release;
        this.progress = progress;
        this.informer = Access.WATCH_PODS.call(
                namespace,
                () -> client.pods()
                        .inNamespace(namespace)
                        .withLabel(ChartLabels.NAME, ChartLabels.CHART_NAME)
                        .withLabel(ChartLabels.INSTANCE, release)
                        .inform(this, 0));
        informer.getStore()
                .list()
                .forEach(pod -> initialPods.add(pod.getMetadata().getName()));
        synced = true;
    }

    /** Registers a fault on {@code pod} before it is deleted, so its replacement cannot be missed. */
    void expectReplacement(String component, String fault, Pod pod, Instant deletedAt) {
        Set<String> before = new HashSet<>();
        informer.getStore().list().stream()
                .filter(p -> component.equals(component(p)))
                .forEach(p -> before.add(p.getMetadata().getName()));
        pending.put(
                component,
                new Pending(
                        before,
                        new PodRecovery(component, fault, pod.getMetadata().getName(), deletedAt, null, null, null)));
    }

    /** Waits for the replacement of the last fault of {@code component} to be ready; empty when none is pending. */
    @Nullable
    PodRecovery awaitRecovery(String component, Duration timeout) {
        Pending wait = pending.get(component);
        if (wait == null) {
            return null;
        }
        try {
            return wait.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // recorded as it stands (replacement not seen, or not ready), so the report shows how far it got
            synchronized (this) {
                recoveries.add(wait.recovery);
            }
            throw new IllegalStateException(
                    "no ready replacement within " + timeout.toSeconds() + " s: " + wait.recovery);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + wait.recovery);
        } finally {
            // one wait per fault: a later awaitReady must not wait again for a replacement that never came
            pending.remove(component, wait);
        }
    }

    int restarts(String component) {
        return replacements.getOrDefault(component, Set.of()).size() + restarts.getOrDefault(component, 0);
    }

    synchronized List<PodRecovery> recoveries() {
        return List.copyOf(recoveries);
    }

    @Override
    public void onAdd(Pod pod) {
        observe(pod);
    }

    @Override
    public void onUpdate(Pod old, Pod pod) {
        observe(pod);
        String component = component(pod);
        int delta = restartCount(pod) - restartCount(old);
        if (component != null && delta > 0) {
            restarts.merge(component, delta, Integer::sum);
        }
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        // a deletion is the fault itself; its replacement is what gets recorded
    }

    private void observe(Pod pod) {
        String component = component(pod);
        String name = pod.getMetadata().getName();
        if (component == null || !synced || initialPods.contains(name)) {
            return;
        }
        replacements
                .computeIfAbsent(component, c -> ConcurrentHashMap.newKeySet())
                .add(name);
        Pending wait = pending.get(component);
        if (wait == null || wait.before.contains(name) || wait.done.isDone()) {
            return;
        }
        Instant now = Instant.now();
        PodRecovery recovery = wait.recovery;
        if (recovery.replacementPod() == null
                && pod.getSpec() != null
                && pod.getSpec().getNodeName() != null) {
            recovery = recovery.scheduled(name, now);
        }
        if (name.equals(recovery.replacementPod()) && ready(pod)) {
            recovery = recovery.ready(now);
            wait.recovery = recovery;
            synchronized (this) {
                recoveries.add(recovery);
            }
            progress.accept("recovered: " + recovery);
            wait.done.complete(recovery);
            return;
        }
        wait.recovery = recovery;
    }

    private @Nullable String component(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null || !release.equals(labels.get(ChartLabels.INSTANCE))
                ? null
                : labels.get(ChartLabels.COMPONENT);
    }

    static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null
                && pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static int restartCount(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .map(ContainerStatus::getRestartCount)
                .filter(Objects::nonNull)
                .mapToInt(Integer::intValue)
                .sum();
    }

    @Override
    public void close() {
        informer.close();
    }
}
