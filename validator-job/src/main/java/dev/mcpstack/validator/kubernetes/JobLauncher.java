package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code launch}: create the validation Job, follow its pod, stream its log, wait for the verdict, copy the report
 * out of its ConfigMap. The Job is deleted again when the launch is interrupted (Ctrl-C) or times out.
 */
public final class JobLauncher {

    /** Kubernetes sets it on every pod of a Job, on all versions the chart supports. */
    static final String JOB_NAME_LABEL = "job-name";

    private final KubernetesClient client;
    private final Consumer<String> progress;
    private final OutputStream log;

    public JobLauncher(KubernetesClient client, Consumer<String> progress, OutputStream log) {
        this.client = client;
        this.progress = progress;
        this.log = log;
    }

    /** Runs the Job to its end and returns its verdict as an exit code: 0 passed, 1 a check failed, 3 broken. */
    public int launch(Job job, Duration timeout, Path out) {
        String namespace = job.getMetadata().getNamespace();
        String name = job.getMetadata().getName();
        String container = JobTemplate.validatorContainer(job).getName();
        String release = job.getMetadata().getLabels().get(ChartLabels.INSTANCE);
        long deadline = System.nanoTime() + timeout.toNanos();
        Access.LAUNCH_CREATE_JOBS.call(
                namespace,
                () -> client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(namespace)
                        .resource(job)
                        .create());
        progress.accept("created Job " + namespace + "/" + name + " (image "
                + JobTemplate.validatorContainer(job).getImage() + ")");
        Thread cleanup = new Thread(() -> delete(namespace, name, "launch interrupted"), "launch-delete-job");
        Runtime.getRuntime().addShutdownHook(cleanup);
        JobPodWatch watch = new JobPodWatch(container, progress);
        try (SharedIndexInformer<Pod> pods = Access.LAUNCH_WATCH_PODS.call(
                namespace,
                () -> client.pods()
                        .inNamespace(namespace)
                        .withLabel(JOB_NAME_LABEL, name)
                        .inform(watch, 0))) {
            CompletableFuture<Job> finished = Access.LAUNCH_WATCH_JOBS.call(
                    namespace,
                    () -> job(namespace, name)
                            .informOnCondition(jobs ->
                                    !jobs.isEmpty() && outcome(jobs.get(0)).isPresent())
                            .thenApply(jobs -> jobs.get(0)));
            await(CompletableFuture.anyOf(watch.started, watch.pullFailure, finished), deadline, name);
            if (watch.pullFailure.isDone() && !watch.started.isDone()) {
                delete(namespace, name, "image pull failure");
                throw new KubernetesAccessException(watch.pullFailure.join());
            }
            String pod = watch.started.getNow(null);
            if (pod != null) {
                stream(namespace, pod, container, deadline);
            }
            Job done = (Job) await(finished, deadline, name);
            String verdict = outcome(done).orElseThrow();
            progress.accept("Job " + name + ": " + verdict);
            if (verdict.startsWith("Failed: DeadlineExceeded")) {
                throw new KubernetesAccessException("Job " + name + " exceeded its deadline (activeDeadlineSeconds="
                        + done.getSpec().getActiveDeadlineSeconds() + "): " + verdict);
            }
            if (pod != null && release != null) {
                new ReportCopy(client, namespace, release, progress).copy(pod, out);
            }
            Integer exit = watch.exitCode();
            return verdict.equals("Complete") ? 0 : exit != null && exit != 0 ? exit : 1;
        } catch (TimeoutException e) {
            delete(namespace, name, "no verdict within " + timeout.toSeconds() + " s (--timeout)");
            throw new KubernetesAccessException(
                    "Job " + name + " did not finish within " + timeout.toSeconds() + " s (--timeout); deleted it");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down: the hook deletes the Job
            }
        }
    }

    private void stream(String namespace, String pod, String container, long deadline) throws TimeoutException {
        try (LogWatch logs = Access.LAUNCH_GET_POD_LOG.call(
                namespace,
                () -> client.pods()
                        .inNamespace(namespace)
                        .withName(pod)
                        .inContainer(container)
                        .watchLog(log))) {
            await(logs.onClose().toCompletableFuture(), deadline, pod);
        }
    }

    private static Object await(CompletableFuture<?> future, long deadline, String what) throws TimeoutException {
        try {
            return future.get(
                    Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + what);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "watching " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** {@code Complete} or {@code Failed: reason message}, from the Job's conditions; empty while it runs. */
    static Optional<String> outcome(@Nullable Job job) {
        if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        for (JobCondition condition : job.getStatus().getConditions()) {
            if (!"True".equals(condition.getStatus())) {
                continue;
            }
            if ("Complete".equals(condition.getType())) {
                return Optional.of("Complete");
            }
            if ("Failed".equals(condition.getType())) {
                return Optional.of("Failed: " + condition.getReason() + " " + condition.getMessage());
            }
        }
        return Optional.empty();
    }

    private ScalableResource<Job> job(String namespace, String name) {
        return client.batch().v1().jobs().inNamespace(namespace).withName(name);
    }

    private void delete(String namespace, String name, String why) {
        try {
            Access.LAUNCH_DELETE_JOBS.run(
                    namespace,
                    () -> job(namespace, name)
                            .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                            .delete());
            progress.accept(why + ": deleted Job " + namespace + "/" + name);
        } catch (RuntimeException e) {
            progress.accept(why + ": could not delete Job " + namespace + "/" + name + ": " + e.getMessage());
        }
    }
}
