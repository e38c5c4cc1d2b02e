package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartVariationsTest {

    @Test
    void externalDatabaseReplacesTheBundledOne() {
        Rendered rendered = Chart.render(Variations.EXTERNAL_DATABASE);

        assertThat(rendered.all(StatefulSet.class)).isEmpty();
        assertThat(rendered.all(Secret.class)).isEmpty();
        assertThat(rendered.find(NetworkPolicy.class, "mcp-stack-postgresql")).isEmpty();
        assertThat(rendered.get(ConfigMap.class, "mcp-stack-workflow-mcp").getData())
                .containsEntry("SPRING_R2DBC_URL", "r2dbc:postgresql://db.example.internal:6432/mcp");
        Container workflow = ChartDefaultsTest.container(rendered, "mcp-stack-workflow-mcp");
        assertThat(workflow.getEnv())
                .extracting(env -> env.getName() + "="
                        + env.getValueFrom().getSecretKeyRef().getName() + "/"
                        + env.getValueFrom().getSecretKeyRef().getKey())
                .containsExactlyInAnyOrder("SPRING_R2DBC_USERNAME=mcp-db/user", "SPRING_R2DBC_PASSWORD=mcp-db/secret");
        assertThat(rendered.get(NetworkPolicy.class, "mcp-stack-codebase-mcp")
                        .getSpec()
                        .getEgress())
                .anySatisfy(rule -> assertThat(rule.getPorts())
                        .anySatisfy(
                                port -> assertThat(port.getPort().getIntVal()).isEqualTo(6432)));
    }

    @Test
    void externalDatabaseWithoutUrlOrSecretFailsWithTheMissingValue() {
        Map<String, Object> noUrl = new HashMap<>(Variations.EXTERNAL_DATABASE);
        noUrl.remove("externalDatabase.url");
        Map<String, Object> noSecret = new HashMap<>(Variations.EXTERNAL_DATABASE);
        noSecret.remove("externalDatabase.existingSecret");

        assertThatThrownBy(() -> Chart.render(noUrl)).hasMessageContaining("externalDatabase.url is required");
        assertThatThrownBy(() -> Chart.render(noSecret))
                .hasMessageContaining("externalDatabase.existingSecret is required");
    }

    @Test
    void hpaOnScalesTheDeploymentsInsteadOfAFixedReplicaCount() {
        Rendered rendered = Chart.render(Variations.HPA_ON);

        for (String name : List.of("mcp-stack-codebase-mcp", "mcp-stack-workflow-mcp")) {
            HorizontalPodAutoscaler hpa = rendered.get(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMinReplicas())
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(rendered.get(Deployment.class, name).getSpec().getReplicas())
                    .isNull();
        }
        assertThat(Chart.render(Map.of()).all(HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void cronJobOffRendersNoCronJob() {
        assertThat(Chart.render(Variations.CRONJOB_OFF).all(CronJob.class)).isEmpty();
    }

    @Test
    void mcpAffinityPinsClientsToOneReplica() {
        Rendered rendered = Chart.render(Variations.MCP_AFFINITY);

        for (String name : List.of("mcp-stack-codebase-mcp", "mcp-stack-workflow-mcp")) {
            Service service = rendered.get(Service.class, name);
            assertThat(service.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
            assertThat(service.getSpec()
                            .getSessionAffinityConfig()
                            .getClientIP()
                            .getTimeoutSeconds())
                    .isEqualTo(3600);
        }
        assertThat(Chart.render(Map.of())
                        .get(Service.class, "mcp-stack-codebase-mcp")
                        .getSpec()
                        .getSessionAffinity())
                .isNull();
    }

    @Test
    void networkPolicyOffRendersNone() {
        assertThat(Chart.render(Variations.NETWORK_POLICY_OFF).all(NetworkPolicy.class))
                .isEmpty();
    }

    @Test
    void serviceMonitorsCarryTheLabelsPrometheusSelects() {
        Rendered rendered = Chart.render(Variations.SERVICE_MONITOR_LABELS);

        assertThat(rendered.all(ServiceMonitor.class)).hasSize(2).allSatisfy(monitor -> {
            assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
            Service service = rendered.get(Service.class, monitor.getMetadata().getName());
            assertThat(service.getMetadata().getLabels())
                    .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.getPort()).isEqualTo("http");
                assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
            });
        });
        assertThat(rendered.get(PrometheusRule.class, "mcp-stack").getMetadata().getLabels())
                .containsEntry("release", "kube-prometheus-stack");
    }

    @Test
    void pushgatewayOnIsScrapedWithItsPushersLabelsAndNamedInTheValidatorsArgs() {
        Rendered rendered = Chart.render(Variations.EVERYTHING_ON);

        assertThat(rendered.find(Deployment.class, "mcp-stack-pushgateway")).isPresent();
        assertThat(rendered.get(Service.class, "mcp-stack-pushgateway")
                        .getSpec()
                        .getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(9091));
        assertThat(rendered.get(ServiceMonitor.class, "mcp-stack-pushgateway")
                        .getSpec()
                        .getEndpoints())
                .singleElement()
                .satisfies(endpoint -> assertThat(endpoint.getHonorLabels()).isTrue());
        assertThat(rendered.podSpec("CronJob/mcp-stack-validation")
                        .getContainers()
                        .get(0)
                        .getArgs())
                .endsWith("--pushgateway", "http://mcp-stack-pushgateway:9091");
    }

    @Test
    void everyDocumentedVariationRendersStrictly() {
        Variations.ALL.forEach((name, values) ->
                assertThat(Chart.render(values).objects()).as(name).isNotEmpty());
    }
}
