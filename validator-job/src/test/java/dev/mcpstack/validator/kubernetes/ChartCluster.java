package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chart's objects for one release on the fabric8 mock server (CRUD mode), and the controllers a real cluster
 * would run: a ReplicaSet/StatefulSet player that keeps each workload's pods at its replica count (replacing a
 * deleted pod, removing pods on a scale down) and reports ready replicas in the workload's status.
 */
final class ChartCluster implements AutoCloseable {

    final KubernetesClient client;
    final String namespace;
    final String release;
    private final ExecutorService controller = Executors.newSingleThreadExecutor();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final AtomicInteger podSerial = new AtomicInteger();
    private volatile boolean closing;

    ChartCluster(KubernetesClient client, String namespace, String release) {
        this.client = client;
        this.namespace = namespace;
        this.release = release;
    }

    String fullname() {
        return ChartLabels.fullname(release);
    }

    /** Both services (one replica each unless given), their Services, optionally the bundled database. */
    ChartCluster install(int replicas, boolean bundledDatabase) {
        service("codebase-mcp", 8020, replicas);
        service("workflow-mcp", 8010, replicas);
        if (bundledDatabase) {
            client.apps()
                    .statefulSets()
                    .inNamespace(namespace)
                    .resource(new StatefulSetBuilder()
                            .withNewMetadata()
                            .withName(fullname() + "-postgresql")
                            .withLabels(labels("database"))
                            .endMetadata()
                            .withNewSpec()
                            .withReplicas(1)
                            .withNewSelector()
                            .withMatchLabels(ChartLabels.selector(release, "database"))
                            .endSelector()
                            .endSpec()
                            .build())
                    .create();
        }
        return this;
    }

    private void service(String component, int port, int replicas) {
        String name = fullname() + "-" + component;
        client.apps()
                .deployments()
                .inNamespace(namespace)
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withLabels(labels(component))
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(replicas)
                        .withNewSelector()
                        .withMatchLabels(ChartLabels.selector(release, component))
                        .endSelector()
                        .endSpec()
                        .build())
                .create();
        client.services()
                .inNamespace(namespace)
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withLabels(labels(component))
                        .endMetadata()
                        .withNewSpec()
                        .addToSelector(ChartLabels.selector(release, component))
                        .addNewPort()
                        .withName("http")
                        .withPort(port)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
    }

    Map<String, String> labels(String component) {
        Map<String, String> labels = new LinkedHashMap<>(ChartLabels.selector(release, component));
        labels.put(ChartLabels.PART_OF, ChartLabels.CHART_NAME);
        labels.put("helm.sh/chart", "mcp-stack-0.1.0");
        return labels;
    }

    /** Starts the controllers and returns once every workload has its ready pods. */
    ChartCluster runControllers() {
        ResourceEventHandler<HasMetadata> reconcileAll = new ResourceEventHandler<>() {
            @Override
            public void onAdd(HasMetadata obj) {
                schedule();
            }

            @Override
            public void onUpdate(HasMetadata old, HasMetadata obj) {
                schedule();
            }

            @Override
            public void onDelete(HasMetadata obj, boolean unknown) {
                schedule();
            }
        };
        informers.add(client.pods().inNamespace(namespace).inform(reconcileAll));
        informers.add(client.apps().deployments().inNamespace(namespace).inform(reconcileAll));
        informers.add(client.apps().statefulSets().inNamespace(namespace).inform(reconcileAll));
        return this;
    }

    private void schedule() {
        if (!closing) {
            try {
                controller.execute(this::reconcile);
            } catch (RejectedExecutionException e) {
                // close() began between the check and the hand-over: the cluster is no longer reconciled
            }
        }
    }

    private synchronized void reconcile() {
        try {
            reconcileAll();
        } catch (RuntimeException e) {
            // a controller that died silently would turn every test into a timeout
            e.printStackTrace();
            throw e;
        }
    }

    private void reconcileAll() {
        for (Deployment d :
                client.apps().deployments().inNamespace(namespace).list().getItems()) {
            int ready =
                    reconcilePods(d, d.getSpec().getReplicas(), d.getMetadata().getName());
            endpoints(d.getMetadata().getName(), ready);
            if (d.getStatus() == null
                    || !Integer.valueOf(ready).equals(d.getStatus().getReadyReplicas())) {
                client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .resource(new DeploymentBuilder(d)
                                .withNewStatus()
                                .withReplicas(ready)
                                .withReadyReplicas(ready)
                                .endStatus()
                                .build())
                        .updateStatus();
            }
        }
        for (StatefulSet s :
                client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
            int ready =
                    reconcilePods(s, s.getSpec().getReplicas(), s.getMetadata().getName());
            if (s.getStatus() == null
                    || !Integer.valueOf(ready).equals(s.getStatus().getReadyReplicas())) {
                client.apps()
                        .statefulSets()
                        .inNamespace(namespace)
                        .resource(new StatefulSetBuilder(s)
                                .withNewStatus()
                                .withReplicas(ready)
                                .withReadyReplicas(ready)
                                .endStatus()
                                .build())
                        .updateStatus();
            }
        }
    }

    /** The endpoints controller: one address per ready pod (loopback: data only, nothing connects to it). */
    private void endpoints(String service, int ready) {
        EndpointsBuilder endpoints =
                new EndpointsBuilder().withNewMetadata().withName(service).endMetadata();
        if (ready > 0) {
            EndpointSubsetBuilder subset = new EndpointSubsetBuilder();
            for (int i = 0; i < ready; i++) {
                subset.addNewAddress().withIp("127.0.0." + (i + 2)).endAddress();
            }
            endpoints.addToSubsets(subset.build());
        }
        client.endpoints().inNamespace(namespace).resource(endpoints.build()).createOr(NonDeletingOperation::update);
    }

    /** Creates or deletes pods until {@code replicas} exist and returns how many are ready. */
    private int reconcilePods(HasMetadata owner, Integer replicas, String prefix) {
        Map<String, String> selector = new LinkedHashMap<>(owner.getMetadata().getLabels());
        selector.keySet().retainAll(List.of(ChartLabels.NAME, ChartLabels.INSTANCE, ChartLabels.COMPONENT));
        List<Pod> pods =
                client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
        int want = replicas == null ? 1 : replicas;
        for (int i = want; i < pods.size(); i++) {
            client.pods()
                    .inNamespace(namespace)
                    .resource(pods.get(i))
                    .withGracePeriod(0)
                    .delete();
        }
        for (int i = pods.size(); i < want; i++) {
            Pod pod = client.pods()
                    .inNamespace(namespace)
                    .resource(pod(prefix, owner.getMetadata().getLabels()))
                    .create();
            client.pods().inNamespace(namespace).resource(ready(pod)).updateStatus();
        }
        // every pod this controller creates is made ready at once
        return want;
    }

    private Pod pod(String prefix, Map<String, String> labels) {
        String component = labels.get(ChartLabels.COMPONENT);
        return new PodBuilder()
                .withNewMetadata()
                .withName(prefix + "-" + Integer.toString(36 * 36 * 36 + podSerial.incrementAndGet(), 36))
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-1")
                .withTerminationGracePeriodSeconds(7L)
                .addNewContainer()
                .withName(component)
                .withImage(component + ":0.1.0")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
    }

    private static Pod ready(Pod pod) {
        return new PodBuilder(pod)
                .withNewStatus()
                .withPhase("Running")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("True")
                .endCondition()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .addNewContainerStatus()
                .withName(pod.getSpec().getContainers().get(0).getName())
                .withRestartCount(0)
                .withReady(true)
                .endContainerStatus()
                .endStatus()
                .build();
    }

    List<Pod> pods(String component) {
        return client.pods()
                .inNamespace(namespace)
                .withLabels(ChartLabels.selector(release, component))
                .list()
                .getItems();
    }

    Deployment deployment(String component) {
        return client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(fullname() + "-" + component)
                .get();
    }

    @Override
    public void close() throws InterruptedException {
        // the writers stop first: a watch closed while the mock is still sending it events is what the mock's
        // teardown deadlock needs (MockApiShutdown), and an interrupted write only prints a stack trace
        closing = true;
        controller.shutdown();
        if (!controller.awaitTermination(10, TimeUnit.SECONDS)) {
            controller.shutdownNow();
        }
        // no wait after this: an informer's stopped() completes inside close(), before its watch has ended
        informers.forEach(SharedIndexInformer::close);
    }
}
