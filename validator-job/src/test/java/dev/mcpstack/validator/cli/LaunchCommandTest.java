package dev.mcpstack.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.validator.kubernetes.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code launch} against the fabric8 mock API server (CRUD mode); the test plays the Job controller and the kubelet:
 * it creates the Job's pod, serves its log, writes the report ConfigMap the in-cluster run would write, and finishes
 * the Job.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LaunchCommandTest {

    static final String JOB = "demo-mcp-stack-validation-t1";
    static final String POD = JOB + "-abcde";

    KubernetesMockServer server;
    KubernetesClient client;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final StringWriter stderr = new StringWriter();
    PrintStream originalOut;

    @TempDir
    Path out;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    CompletableFuture<Integer> launch(String... extra) {
        return launch(() -> server.createClient(), extra);
    }

    CompletableFuture<Integer> launch(
            dev.mcpstack.validator.kubernetes.KubernetesConnector connector, String... extra) {
        CommandLine command = CommandLineEntry.withExitCodes(new CommandLine(new LaunchCommand(connector)));
        command.setErr(new PrintWriter(stderr, true));
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"--release", "demo", "--job-name", JOB, "--out", out.toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return CompletableFuture.supplyAsync(() -> command.execute(args));
    }

    Job awaitJob() {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.batch()
                                .v1()
                                .jobs()
                                .inNamespace("test")
                                .withName(JOB)
                                .get(),
                        j -> j != null);
    }

    void startPod(ContainerStatus status) {
        client.pods()
                .inNamespace("test")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(POD)
                        .addToLabels("job-name", JOB)
                        .addToLabels(ChartLabels.INSTANCE, "demo")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("validator")
                        .withImage("registry.example/validator-job:test")
                        .endContainer()
                        .endSpec()
                        .withNewStatus()
                        .withPhase(status.getState().getWaiting() != null ? "Pending" : "Running")
                        .withContainerStatuses(status)
                        .endStatus()
                        .build())
                .create();
    }

    void finish(String condition, String reason, int exitCode) {
        Pod pod = client.pods().inNamespace("test").withName(POD).get();
        client.pods()
                .inNamespace("test")
                .resource(new PodBuilder(pod)
                        .editStatus()
                        .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                        .withContainerStatuses(new ContainerStatusBuilder()
                                .withName("validator")
                                .withNewState()
                                .withNewTerminated()
                                .withExitCode(exitCode)
                                .endTerminated()
                                .endState()
                                .build())
                        .endStatus()
                        .build())
                .updateStatus();
        Job job = client.batch().v1().jobs().inNamespace("test").withName(JOB).get();
        client.batch()
                .v1()
                .jobs()
                .inNamespace("test")
                .resource(new JobBuilder(job)
                        .withNewStatus()
                        .addNewCondition()
                        .withType(condition)
                        .withStatus("True")
                        .withReason(reason)
                        .withMessage(reason + " message")
                        .endCondition()
                        .endStatus()
                        .build())
                .updateStatus();
    }

    void serveLog(String log) {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/test/pods/" + POD + "/log?pretty=false&container=validator&follow=true")
                .andReturn(200, log)
                .always();
    }

    static ContainerStatus running() {
        return new ContainerStatusBuilder()
                .withName("validator")
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build();
    }

    void writeReport(String verdict) {
        client.configMaps()
                .inNamespace("test")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("demo-validation-20261201-213000-ab12")
                        .addToLabels(ChartLabels.selector("demo", ChartLabels.VALIDATOR))
                        .addToLabels(ChartLabels.RUN_ID, "20261201-213000-ab12")
                        .addToLabels(ChartLabels.POD, POD)
                        .endMetadata()
                        .addToData("report.json", "{\"verdict\":\"" + verdict + "\"}")
                        .addToData("report.md", "# Validation report")
                        .build())
                .create();
    }

    @Test
    void createsTheJobFromTheTemplateStreamsItsLogCopiesTheReportAndPasses() throws Exception {
        CompletableFuture<Integer> exit = launch(
                "--image", "registry.example/validator-job:test", "--profile", "smoke", "--suites", "observability");
        Job job = awaitJob();
        assertThat(job.getMetadata().getLabels()).containsEntry(ChartLabels.INSTANCE, "demo");
        var spec = job.getSpec().getTemplate().getSpec();
        assertThat(spec.getServiceAccountName()).isEqualTo("demo-mcp-stack-validator");
        assertThat(spec.getContainers().get(0).getImage()).isEqualTo("registry.example/validator-job:test");
        assertThat(spec.getContainers().get(0).getArgs())
                .containsSequence("run", "--target", "kubernetes")
                .containsSequence("--release", "demo")
                .containsSequence("--profile", "smoke")
                .containsSequence("--suites", "observability")
                .containsSequence("--out", "/tmp/validation");

        writeReport("pass");
        serveLog("[21:30:00] validation: target=kubernetes\nVERDICT: PASS\n");
        startPod(running());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stdout.toString(StandardCharsets.UTF_8).contains("VERDICT: PASS"));
        finish("Complete", "Completed", 0);

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.resolve("report.json")).content().isEqualTo("{\"verdict\":\"pass\"}");
        assertThat(out.resolve("report.md")).exists();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("validation: target=kubernetes")
                .contains("launch: pod " + POD + ": Running")
                .contains("VERDICT (Job " + JOB + "): PASS");
    }

    @Test
    void aFailedCheckFailsTheLaunchWithTheContainersExitCode() throws Exception {
        CompletableFuture<Integer> exit = launch();
        awaitJob();
        writeReport("fail");
        serveLog("VERDICT: FAIL - failed checks: load/x\n");
        startPod(running());
        finish("Failed", "BackoffLimitExceeded", 1);
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(out.resolve("report.json")).content().contains("fail");
    }

    @Test
    void anImageThatCannotBePulledIsNamedAndTheJobDeleted() throws Exception {
        CompletableFuture<Integer> exit = launch("--image", "registry.example/validator-job:missing");
        awaitJob();
        startPod(new ContainerStatusBuilder()
                .withName("validator")
                .withNewState()
                .withNewWaiting()
                .withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image")
                .endWaiting()
                .endState()
                .build());
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(stderr.toString())
                .contains("image pull failure for registry.example/validator-job:test (ImagePullBackOff)");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.batch()
                                .v1()
                                .jobs()
                                .inNamespace("test")
                                .withName(JOB)
                                .get()
                        == null);
    }

    @Test
    void aJobPastItsDeadlineIsReportedAsSuch() throws Exception {
        CompletableFuture<Integer> exit = launch();
        awaitJob();
        serveLog("");
        startPod(running());
        finish("Failed", "DeadlineExceeded", 137);
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(stderr.toString()).contains("exceeded its deadline (activeDeadlineSeconds=3600)");
    }

    @Test
    void giveUpAfterTheTimeoutAndDeleteTheJob() throws Exception {
        CompletableFuture<Integer> exit = launch("--timeout", "3s");
        awaitJob();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(stderr.toString()).contains("did not finish within 3 s (--timeout); deleted it");
        assertThat(client.batch().v1().jobs().inNamespace("test").withName(JOB).get())
                .isNull();
    }

    @Test
    void missingRbacNamesTheVerbAndResource() throws Exception {
        server.expect()
                .post()
                .withPath("/apis/batch/v1/namespaces/test/jobs")
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("jobs.batch is forbidden: User \"dev\" cannot create resource \"jobs\"")
                                .build())
                .once();
        assertThat(launch().get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(stderr.toString())
                .contains("missing RBAC: not allowed to create jobs.batch in namespace test")
                .contains("grant verb 'create' on resource 'jobs' of API group 'batch'");
    }

    @Test
    void noClusterIsAClearError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String master = "http://127.0.0.1:" + port;
        CompletableFuture<Integer> exit = launch(() -> new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl(master)
                        .withNamespace("test")
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build());
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(stderr.toString()).contains("no cluster reachable").contains("kubeconfig");
    }
}
