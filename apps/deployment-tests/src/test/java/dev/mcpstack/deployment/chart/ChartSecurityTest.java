package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChartSecurityTest {

    /** SPEC §6: the validator's namespaced permissions, "group/resource verb" each. */
    private static final Set<String> VALIDATOR_PERMISSIONS = new TreeSet<>(List.of(
            "/pods get",
            "/pods list",
            "/pods watch",
            "/pods delete",
            "/pods/log get",
            "apps/deployments get",
            "apps/deployments list",
            "apps/deployments watch",
            "apps/deployments patch",
            "apps/deployments/scale get",
            "apps/deployments/scale list",
            "apps/deployments/scale watch",
            "apps/deployments/scale patch",
            "apps/statefulsets get",
            "apps/statefulsets list",
            "apps/statefulsets watch",
            "apps/statefulsets patch",
            "apps/statefulsets/scale get",
            "apps/statefulsets/scale list",
            "apps/statefulsets/scale watch",
            "apps/statefulsets/scale patch",
            "/services get",
            "/services list",
            "/services watch",
            "/endpoints get",
            "/endpoints list",
            "/endpoints watch",
            "/configmaps get",
            "/configmaps list",
            "/configmaps create",
            "/configmaps update",
            "/configmaps delete"));

    @Test
    void everyPodOfEveryVariationMeetsTheRestrictedProfile() {
        Variations.ALL.forEach((variation, values) -> {
            Map<String, PodSpec> pods = Chart.render(values).podSpecs();
            assertThat(pods).as(variation).isNotEmpty();
            pods.forEach((owner, pod) -> assertRestricted(variation + ": " + owner, pod));
        });
    }

    @Test
    void onlyTheValidatorGetsAServiceAccountToken() {
        Chart.render(Variations.EVERYTHING_ON).podSpecs().forEach((owner, pod) -> {
            boolean validator = pod.getServiceAccountName() != null
                    && pod.getServiceAccountName().equals("mcp-stack-validator");
            assertThat(pod.getAutomountServiceAccountToken()).as(owner).isEqualTo(validator);
        });
    }

    @Test
    void rbacIsNamespacedAndExactlyTheSpecsVerbs() {
        Rendered rendered = Chart.render(Variations.EVERYTHING_ON);

        assertThat(rendered.objects())
                .extracting(HasMetadata::getKind)
                .doesNotContain("ClusterRole", "ClusterRoleBinding", "Namespace", "CustomResourceDefinition");
        Role role = rendered.get(Role.class, "mcp-stack-validator");
        Set<String> granted = new TreeSet<>();
        for (PolicyRule rule : role.getRules()) {
            assertThat(rule.getResourceNames()).isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    rule.getVerbs().forEach(verb -> granted.add(group + "/" + resource + " " + verb));
                }
            }
        }
        assertThat(granted).containsExactlyElementsOf(VALIDATOR_PERMISSIONS);
        RoleBinding binding = rendered.get(RoleBinding.class, "mcp-stack-validator");
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo("mcp-stack-validator");
            assertThat(subject.getNamespace()).isEqualTo(Chart.NAMESPACE);
        });
    }

    @Test
    void networkPoliciesDenyByDefaultAndOpenOnlyTheStacksFlows() {
        Rendered rendered = Chart.render(Variations.EVERYTHING_ON);

        NetworkPolicy deny = rendered.get(NetworkPolicy.class, "mcp-stack-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels())
                .containsOnly(
                        Map.entry("app.kubernetes.io/name", "mcp-stack"),
                        Map.entry("app.kubernetes.io/instance", Chart.RELEASE));

        assertThat(ingressFrom(rendered, "mcp-stack-postgresql"))
                .containsExactlyInAnyOrder("codebase-mcp", "workflow-mcp");
        assertThat(ingressFrom(rendered, "mcp-stack-codebase-mcp")).contains("workflow-mcp", "validator");
        assertThat(ingressFrom(rendered, "mcp-stack-workflow-mcp"))
                .contains("validator")
                .doesNotContain("codebase-mcp");
        assertThat(ingressFrom(rendered, "mcp-stack-pushgateway")).contains("validator");
        assertThat(rendered.get(NetworkPolicy.class, "mcp-stack-validator")
                        .getSpec()
                        .getIngress())
                .as("nothing calls the validator")
                .isNullOrEmpty();
        assertThat(egressTo(rendered, "mcp-stack-workflow-mcp")).contains("codebase-mcp", "database");
        assertThat(egressTo(rendered, "mcp-stack-codebase-mcp")).containsExactly("database");
        assertThat(egressTo(rendered, "mcp-stack-validator"))
                .containsExactlyInAnyOrder("codebase-mcp", "workflow-mcp", "pushgateway");
    }

    private static void assertRestricted(String owner, PodSpec pod) {
        PodSecurityContext podContext = pod.getSecurityContext();
        assertThat(podContext).as(owner).isNotNull();
        assertThat(podContext.getRunAsNonRoot()).as(owner + " runAsNonRoot").isTrue();
        assertThat(podContext.getRunAsUser()).as(owner + " runAsUser").isPositive();
        assertThat(podContext.getSeccompProfile().getType()).as(owner).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).as(owner).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).as(owner).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).as(owner).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getVolumes())
                .as(owner)
                .allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());
        Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                .forEach(container -> assertRestricted(owner + "/" + container.getName(), container));
    }

    private static void assertRestricted(String owner, Container container) {
        SecurityContext context = container.getSecurityContext();
        assertThat(context).as(owner).isNotNull();
        assertThat(context.getAllowPrivilegeEscalation())
                .as(owner + " allowPrivilegeEscalation")
                .isFalse();
        assertThat(context.getPrivileged()).as(owner).isNotEqualTo(Boolean.TRUE);
        assertThat(context.getReadOnlyRootFilesystem())
                .as(owner + " readOnlyRootFilesystem")
                .isTrue();
        assertThat(context.getRunAsNonRoot()).as(owner + " runAsNonRoot").isTrue();
        assertThat(context.getCapabilities().getDrop()).as(owner).containsExactly("ALL");
        assertThat(context.getCapabilities().getAdd()).as(owner).isNullOrEmpty();
        assertThat(context.getSeccompProfile().getType()).as(owner).isEqualTo("RuntimeDefault");
        assertThat(container.getResources().getRequests())
                .as(owner + " requests")
                .containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).as(owner + " limits").containsKey("memory");
        assertThat(container.getPorts())
                .as(owner)
                .allSatisfy(port -> assertThat(port.getHostPort()).isNull());
    }

    private static List<String> ingressFrom(Rendered rendered, String policy) {
        return rendered.get(NetworkPolicy.class, policy).getSpec().getIngress().stream()
                .flatMap(rule -> rule.getFrom().stream())
                .map(ChartSecurityTest::component)
                .filter(component -> !component.isEmpty())
                .toList();
    }

    private static List<String> egressTo(Rendered rendered, String policy) {
        return rendered.get(NetworkPolicy.class, policy).getSpec().getEgress().stream()
                .flatMap(rule -> rule.getTo().stream())
                .map(ChartSecurityTest::component)
                .filter(component -> !component.isEmpty())
                .toList();
    }

    /** The component a peer selects among this release's pods, or "" for other peers (DNS, API server, Prometheus). */
    private static String component(NetworkPolicyPeer peer) {
        if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null) {
            return "";
        }
        return peer.getPodSelector().getMatchLabels().getOrDefault("app.kubernetes.io/component", "");
    }
}
