package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Follows the pod of a launched Job through the informer's events: a progress line per phase change, the moment its
 * container starts (so the log can be streamed), an image that cannot be pulled, and the container's exit code.
 */
final class JobPodWatch implements ResourceEventHandler<Pod> {

    private static final Set<String> PULL_FAILURES =
            Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

    private final String container;
    private final Consumer<String> progress;
    final CompletableFuture<String> started = new CompletableFuture<>();
    final CompletableFuture<String> pullFailure = new CompletableFuture<>();
    private volatile @Nullable String lastState;
    private volatile @Nullable Integer exitCode;

    JobPodWatch(String container, Consumer<String> progress) {
        this.container = container;
        this.progress = progress;
    }

    @Override
    public void onAdd(Pod pod) {
        observe(pod);
    }

    @Override
    public void onUpdate(Pod old, Pod pod) {
        observe(pod);
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        progress.accept("pod " + pod.getMetadata().getName() + " deleted");
    }

    @Nullable
    Integer exitCode() {
        return exitCode;
    }

    private void observe(Pod pod) {
        String name = pod.getMetadata().getName();
        ContainerState state = state(pod);
        String phase = pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
        String waiting = state == null || state.getWaiting() == null
                ? null
                : state.getWaiting().getReason();
        String summary = phase + (waiting == null ? "" : " (" + waiting + ")");
        if (!summary.equals(lastState)) {
            lastState = summary;
            progress.accept("pod " + name + ": " + summary);
        }
        if (waiting != null && PULL_FAILURES.contains(waiting)) {
            String image = pod.getSpec().getContainers().stream()
                    .filter(c -> c.getName().equals(container))
                    .map(c -> c.getImage())
                    .findFirst()
                    .orElse("?");
            pullFailure.complete("image pull failure for " + image + " (" + waiting + "): "
                    + state.getWaiting().getMessage()
                    + "; load the image into the cluster or push it and pass --image REGISTRY/validator-job:TAG");
        }
        if (state != null && (state.getRunning() != null || state.getTerminated() != null)) {
            started.complete(name);
        }
        if (state != null && state.getTerminated() != null) {
            exitCode = state.getTerminated().getExitCode();
        }
    }

    private @Nullable ContainerState state(Pod pod) {
        if (pod.getStatus() == null) {
            return null;
        }
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return statuses == null
                ? null
                : statuses.stream()
                        .filter(s -> s.getName().equals(container))
                        .map(ContainerStatus::getState)
                        .findFirst()
                        .orElse(null);
    }
}
