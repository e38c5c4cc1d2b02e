package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartDefaultsTest {

    private static final Rendered DEFAULTS = Chart.render(Map.of());
    private static final List<String> COMPONENTS =
            List.of("codebase-mcp", "workflow-mcp", "database", "validator", "pushgateway");

    @Test
    void rendersTheStackWithTheContractsNames() {
        for (String service : List.of("codebase-mcp", "workflow-mcp")) {
            String name = "mcp-stack-" + service;
            assertThat(DEFAULTS.find(Deployment.class, name)).isPresent();
            assertThat(DEFAULTS.find(ConfigMap.class, name)).isPresent();
            assertThat(DEFAULTS.find(PodDisruptionBudget.class, name)).isPresent();
            assertThat(DEFAULTS.get(Service.class, name).getSpec().getPorts())
                    .singleElement()
                    .satisfies(port -> {
                        assertThat(port.getName()).isEqualTo("http");
                        assertThat(port.getPort()).isEqualTo(service.equals("codebase-mcp") ? 8020 : 8010);
                    });
        }
        assertThat(DEFAULTS.get(StatefulSet.class, "mcp-stack-postgresql")
                        .getSpec()
                        .getVolumeClaimTemplates())
                .singleElement()
                .satisfies(pvc ->
                        assertThat(pvc.getSpec().getResources().getRequests()).containsKey("storage"));
        assertThat(DEFAULTS.get(Service.class, "mcp-stack-postgresql").getSpec().getClusterIP())
                .isEqualTo("None");
        assertThat(DEFAULTS.get(Secret.class, "mcp-stack-postgresql").getData())
                .containsOnlyKeys("username", "password");
        assertThat(DEFAULTS.find(CronJob.class, "mcp-stack-validation")).isPresent();
        assertThat(DEFAULTS.find(Job.class, "mcp-stack-validation"))
                .as("the Job is opt-in")
                .isEmpty();
        assertThat(DEFAULTS.find(Deployment.class, "mcp-stack-pushgateway")).isEmpty();
    }

    @Test
    void everyObjectCarriesTheContractLabelsAndSelectsOnNameInstanceComponent() {
        for (HasMetadata object : Chart.render(Variations.EVERYTHING_ON).objects()) {
            Map<String, String> labels = object.getMetadata().getLabels();
            assertThat(labels)
                    .as(object.getKind() + "/" + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/name", "mcp-stack")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/part-of", "mcp-stack")
                    .containsEntry("app.kubernetes.io/version", appVersion())
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("helm.sh/chart", "mcp-stack-0.1.0")
                    .containsKey("app.kubernetes.io/component");
            assertThat(COMPONENTS).contains(labels.get("app.kubernetes.io/component"));
        }
        for (Deployment deployment : DEFAULTS.all(Deployment.class)) {
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .containsOnlyKeys(
                            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component");
        }
        for (Service service : DEFAULTS.all(Service.class)) {
            assertThat(service.getSpec().getSelector())
                    .containsOnlyKeys(
                            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component");
        }
    }

    @Test
    void imagesDefaultToTheAppVersionAndServicesGetTheContractsEnvAndProbes() {
        Container codebase = container(DEFAULTS, "mcp-stack-codebase-mcp");
        assertThat(codebase.getImage()).isEqualTo("mcp-stack/codebase-mcp:" + appVersion());
        assertThat(codebase.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(codebase.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(codebase.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(codebase.getLifecycle().getPreStop().getSleep().getSeconds()).isPositive();
        assertThat(codebase.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(codebase.getResources().getLimits()).containsKey("memory");
        assertThat(codebase.getEnv())
                .extracting(EnvVar::getName)
                .containsExactlyInAnyOrder("SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD");
        assertThat(codebase.getEnv())
                .allSatisfy(
                        env -> assertThat(env.getValueFrom().getSecretKeyRef().getName())
                                .isEqualTo("mcp-stack-postgresql"));

        assertThat(DEFAULTS.get(ConfigMap.class, "mcp-stack-codebase-mcp").getData())
                .containsEntry("SERVER_PORT", "8020")
                .containsEntry("SPRING_R2DBC_URL", "r2dbc:postgresql://mcp-stack-postgresql:5432/mcp")
                .doesNotContainKey("WORKFLOW_CODEBASE_URL");
        assertThat(DEFAULTS.get(ConfigMap.class, "mcp-stack-workflow-mcp").getData())
                .containsEntry("SERVER_PORT", "8010")
                .containsEntry("WORKFLOW_CODEBASE_URL", "http://mcp-stack-codebase-mcp:8020");
    }

    @Test
    void aConfigChangeRollsOnlyItsOwnDeployment() {
        Rendered changed = Chart.render(Map.of("codebaseMcp.env.CODEBASE_SEARCH_MAX_LIMIT", "50"));

        assertThat(checksum(changed, "mcp-stack-codebase-mcp"))
                .isNotBlank()
                .isNotEqualTo(checksum(DEFAULTS, "mcp-stack-codebase-mcp"));
        assertThat(checksum(changed, "mcp-stack-workflow-mcp")).isEqualTo(checksum(DEFAULTS, "mcp-stack-workflow-mcp"));
        assertThat(changed.get(ConfigMap.class, "mcp-stack-codebase-mcp").getData())
                .containsEntry("CODEBASE_SEARCH_MAX_LIMIT", "50");
    }

    @Test
    void theValidatorRunsTheContractsArgumentsEverywhere() {
        Rendered rendered = Chart.render(Map.of("validator.job.enabled", true));
        List<String> expected = List.of(
                "run",
                "--target",
                "kubernetes",
                "--release",
                Chart.RELEASE,
                "--profile",
                "quick",
                "--suites",
                "benchmarks,scenarios,load,resilience,observability",
                "--out",
                "/tmp/validation");

        Job job = rendered.get(Job.class, "mcp-stack-validation");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactlyElementsOf(expected);
        assertThat(job.getMetadata().getAnnotations()).containsEntry(Chart.REVEALED_HOOK, "post-install,post-upgrade");
        assertThat(rendered.podSpec("CronJob/mcp-stack-validation")
                        .getContainers()
                        .get(0)
                        .getArgs())
                .containsExactlyElementsOf(expected);
        Pod test = rendered.get(Pod.class, "mcp-stack-validation-test");
        assertThat(test.getMetadata().getAnnotations()).containsEntry(Chart.REVEALED_HOOK, "test");
        assertThat(test.getSpec().getContainers().get(0).getArgs())
                .containsSubsequence("--profile", "smoke", "--suites", "observability");
        assertThat(test.getSpec().getServiceAccountName()).isEqualTo("mcp-stack-validator");
    }

    @Test
    void theChartIsMcpStackAtTheMavenVersionWithoutSnapshot() {
        ChartMetadata chart = ChartMetadata.read();
        String release = System.getProperty("mcp.project-version", "").replace("-SNAPSHOT", "");

        assertThat(chart.name()).isEqualTo("mcp-stack");
        assertThat(release).as("the Maven project version").isNotEmpty();
        assertThat(chart.appVersion()).as("appVersion = the images' tag").isEqualTo(release);
        assertThat(chart.version()).as("the chart's own version").isNotBlank();
    }

    @Test
    void aReleaseNameWithoutTheChartNameIsPrefixed() {
        String yaml = Chart.template(Chart.directory(), "prod", Map.of());

        assertThat(Rendered.parse(yaml).find(Deployment.class, "prod-mcp-stack-codebase-mcp"))
                .isPresent();
    }

    static Container container(Rendered rendered, String deployment) {
        return rendered.get(Deployment.class, deployment)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    static String appVersion() {
        return ChartMetadata.read().appVersion();
    }

    private static String checksum(Rendered rendered, String deployment) {
        return rendered.get(Deployment.class, deployment)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("checksum/config");
    }
}
