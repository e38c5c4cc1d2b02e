package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code --target kubernetes}: the release's services found by the chart's labels, faults through the API (pod
 * delete, scale to 0 and back), recovery followed by an informer. Every scale it changed is restored by
 * {@link #close()}, which also runs from a shutdown hook (the Job's pod gets SIGTERM when deleted).
 */
public final class KubernetesPlatform implements Platform {

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final String namespace;
    private final NamespaceGuard guard;
    private final Rollouts rollouts;
    private final Thread shutdownHook = new Thread(this::close, "validator-kubernetes-restore");
    private @Nullable DiscoveredStack stack;
    private @Nullable PodTracker tracker;
    private @Nullable ScaleBook scales;
    private boolean closed;

    public KubernetesPlatform(KubernetesClient client, KubernetesSettings settings) {
        this.client = client;
        this.settings = settings;
        String own = Objects.requireNonNullElse(client.getNamespace(), "default");
        this.namespace = Objects.requireNonNullElse(settings.namespace(), own);
        this.guard = new NamespaceGuard(own, settings.allowNamespaces());
        this.rollouts = new Rollouts(client, namespace);
    }

    @Override
    public String target() {
        return "kubernetes";
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public synchronized void start(Consumer<String> progress) {
        progress.accept("kubernetes: release " + settings.release() + " in namespace " + namespace
                + " (faults allowed in " + guard.allowed() + ")");
        DiscoveredStack found = new StackDiscovery(client).discover(namespace, settings.release());
        stack = found;
        found.services()
                .forEach((server, w) ->
                        progress.accept(server + ": Deployment " + w.deployment() + ", Service " + baseUrl(server)));
        progress.accept("database: "
                + found.database().map(s -> "StatefulSet " + s).orElse("external (no bundled StatefulSet)"));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ScaleBook book = new ScaleBook(client, namespace, progress);
        scales = book;
        if (guard.refusal(namespace).isEmpty()) {
            for (ServerId server : ServerId.values()) {
                book.restoreLeftovers(List.of(deployment(found.workload(server).deployment())), server.wireName());
            }
            found.database().ifPresent(name -> book.restoreLeftovers(List.of(statefulSet(name)), ChartLabels.DATABASE));
        }
        for (ServerId server : ServerId.values()) {
            awaitRollout(server, System.nanoTime() + settings.startupTimeout().toNanos());
            progress.accept(server + " ready");
        }
        // after the rollout: the pods the stack was started with are the baseline, not replacements
        tracker = new PodTracker(client, namespace, settings.release(), progress);
    }

    @Override
    public URI baseUrl(ServerId server) {
        return stack().workload(server).url(namespace);
    }

    @Override
    public void killInstance(ServerId server) {
        deletePod(server, FaultKind.POD_KILL.wireName(), pod -> 0L);
    }

    @Override
    public FaultKind killFault() {
        return FaultKind.POD_KILL;
    }

    @Override
    public void stopInstanceGracefully(ServerId server) {
        deletePod(
                server,
                FaultKind.GRACEFUL_STOP.wireName(),
                pod -> Objects.requireNonNullElse(pod.getSpec().getTerminationGracePeriodSeconds(), 30L));
    }

    private void deletePod(ServerId server, String fault, java.util.function.ToLongFunction<Pod> grace) {
        refuseIfNotAllowed();
        Pod pod = Access.LIST_PODS
                .call(
                        namespace,
                        () -> client.pods()
                                .inNamespace(namespace)
                                .withLabels(ChartLabels.selector(settings.release(), server))
                                .list()
                                .getItems())
                .stream()
                .filter(PodTracker::ready)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no ready pod of " + server + " to " + fault));
        // re-read just before the delete: the guard and the grace period judge the pod as it is now
        Pod current = Access.GET_PODS.call(
                namespace,
                () -> client.pods()
                        .inNamespace(namespace)
                        .withName(pod.getMetadata().getName())
                        .get());
        if (current == null) {
            throw new IllegalStateException("pod " + pod.getMetadata().getName() + " went away before the " + fault);
        }
        guard.check(current, settings.release(), server.wireName());
        long seconds = grace.applyAsLong(current);
        tracker().expectReplacement(server.wireName(), fault, pod, Instant.now());
        Access.DELETE_PODS.run(
                namespace,
                () -> client.pods()
                        .inNamespace(namespace)
                        .withName(pod.getMetadata().getName())
                        .withGracePeriod(seconds)
                        .delete());
    }

    @Override
    public void awaitReady(ServerId server, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        tracker().awaitRecovery(server.wireName(), timeout);
        awaitRollout(server, deadline);
    }

    private void awaitRollout(ServerId server, long deadline) {
        DiscoveredStack.Workload workload = stack().workload(server);
        rollouts.awaitDeployment(workload.deployment(), remaining(deadline));
        rollouts.awaitEndpoints(workload.service(), remaining(deadline));
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    @Override
    public int restarts(ServerId server) {
        return tracker().restarts(server.wireName());
    }

    @Override
    public void stopService(ServerId server) {
        refuseIfNotAllowed();
        scales().scale(
                        ScaleBook.Workload.deployment(stack().workload(server).deployment(), server.wireName()),
                        0,
                        guard,
                        settings.release());
        rollouts.awaitNoPods(ChartLabels.selector(settings.release(), server), settings.faultTimeout());
    }

    @Override
    public void startService(ServerId server, Duration timeout) {
        scales().restore(ScaleBook.Workload.deployment(stack().workload(server).deployment(), server.wireName()));
        awaitReady(server, timeout);
    }

    @Override
    public Optional<String> databaseFaultRefusal() {
        return guard.refusal(namespace)
                .or(() -> stack().database().isPresent()
                        ? Optional.empty()
                        : Optional.of("the database is external (no StatefulSet labelled "
                                + ChartLabels.selector(settings.release(), ChartLabels.DATABASE) + " in " + namespace
                                + "): database outages are only run against the chart's bundled PostgreSQL"));
    }

    @Override
    public void stopDatabase() {
        databaseFaultRefusal().ifPresent(reason -> {
            throw new KubernetesAccessException(reason);
        });
        scales().scale(database(), 0, guard, settings.release());
        rollouts.awaitNoPods(ChartLabels.selector(settings.release(), ChartLabels.DATABASE), settings.faultTimeout());
    }

    @Override
    public void startDatabase() {
        scales().restore(database());
        rollouts.awaitStatefulSet(database().name(), settings.faultTimeout());
    }

    @Override
    public List<String> logLines(ServerId server) {
        return new PodLogs(client, namespace)
                .lines(ChartLabels.selector(settings.release(), server), server.wireName());
    }

    /** Every pod replacement seen after a fault, with its timings. */
    public List<PodRecovery> recoveries() {
        return tracker == null ? List.of() : tracker.recoveries();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scales != null) {
            scales.restoreAll();
        }
        if (tracker != null) {
            tracker.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: we are running inside the hook
        }
    }

    private void refuseIfNotAllowed() {
        guard.refusal(namespace).ifPresent(reason -> {
            throw new KubernetesAccessException(reason);
        });
    }

    private Deployment deployment(String name) {
        return Access.GET_DEPLOYMENTS.call(
                namespace,
                () -> client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    private StatefulSet statefulSet(String name) {
        return Access.GET_STATEFULSETS.call(
                namespace,
                () -> client.apps()
                        .statefulSets()
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    private ScaleBook.Workload database() {
        return ScaleBook.Workload.statefulSet(
                stack().database().orElseThrow(() -> new IllegalStateException("no bundled database")),
                ChartLabels.DATABASE);
    }

    private DiscoveredStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the kubernetes platform has not been started");
        }
        return stack;
    }

    private PodTracker tracker() {
        if (tracker == null) {
            throw new IllegalStateException("the kubernetes platform has not been started");
        }
        return tracker;
    }

    private ScaleBook scales() {
        if (scales == null) {
            throw new IllegalStateException("the kubernetes platform has not been started");
        }
        return scales;
    }
}
