package dev.mcpstack.validator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import dev.mcpstack.validator.model.ServerId;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's Role (helm/, rendered by helm-java) against the verbs the code calls ({@link Access}, scope RUN): the
 * validator can do everything it calls, and the Role grants nothing the code does not call except the grants below.
 * The rendered objects, loaded into the fabric8 mock API server, are found by the validator's discovery.
 */
@EnableKubernetesMockClient(crud = true)
class ChartContractTest {

    KubernetesClient client;

    /**
     * SPEC §6 states its verbs per group of resources, so the Role grants these too; none is called: Kubernetes
     * serves no list or watch on a scale subresource, and Services and Endpoints are found by a label list and
     * followed by a watch, never read one by one.
     */
    static final Set<String> GRANTED_NOT_CALLED = Set.of(
            "apps/deployments/scale list",
            "apps/deployments/scale watch",
            "apps/statefulsets/scale list",
            "apps/statefulsets/scale watch",
            "core/services get",
            "core/services watch",
            "core/endpoints get");

    static List<HasMetadata> rendered;

    @BeforeAll
    static void renderTheChart() {
        Path chart = Path.of(System.getProperty("validator.checkout-root", ".."), "helm")
                .toAbsolutePath()
                .normalize();
        String yaml =
                new Helm(chart).template().withName("demo").withNamespace("mcp").call();
        KubernetesSerialization serialization = new KubernetesSerialization();
        rendered = Pattern.compile("(?m)^---\\s*$")
                .splitAsStream(yaml)
                .filter(document -> document.lines()
                        .anyMatch(l -> !l.isBlank() && !l.strip().startsWith("#")))
                .map(document -> (HasMetadata) serialization.unmarshal(document))
                .toList();
    }

    static Role role() {
        return rendered.stream()
                .filter(Role.class::isInstance)
                .map(Role.class::cast)
                .filter(r -> r.getMetadata().getName().equals("demo-mcp-stack-validator"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart renders no Role demo-mcp-stack-validator"));
    }

    static SortedSet<String> grants(Role role) {
        SortedSet<String> grants = new TreeSet<>();
        for (PolicyRule rule : role.getRules()) {
            assertThat(rule.getResourceNames())
                    .as("rules restricted by resource name")
                    .isNullOrEmpty();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    rule.getVerbs().forEach(verb -> grants.add(Access.grant(group, resource, verb)));
                }
            }
        }
        return grants;
    }

    @Test
    void theRoleGrantsEveryVerbTheValidatorCalls() {
        assertThat(grants(role())).containsAll(Access.grants(Access.Scope.RUN));
    }

    @Test
    void theRoleGrantsNothingElseButTheNamedNoOpGrants() {
        SortedSet<String> extra = new TreeSet<>(grants(role()));
        extra.removeAll(Access.grants(Access.Scope.RUN));
        assertThat(extra).containsExactlyInAnyOrderElementsOf(GRANTED_NOT_CALLED);
        assertThat(GRANTED_NOT_CALLED).doesNotContainAnyElementsOf(Access.grants(Access.Scope.RUN));
    }

    @Test
    void theRoleIsNamespacedAndBoundToTheValidatorsServiceAccountOnly() {
        assertThat(rendered)
                .noneMatch(o -> o.getKind().equals("ClusterRole") || o.getKind().equals("ClusterRoleBinding"));
        RoleBinding binding = rendered.stream()
                .filter(RoleBinding.class::isInstance)
                .map(RoleBinding.class::cast)
                .filter(b -> b.getRoleRef().getName().equals("demo-mcp-stack-validator"))
                .findFirst()
                .orElseThrow();
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo("demo-mcp-stack-validator");
            assertThat(s.getNamespace()).isEqualTo("mcp");
        });
    }

    @Test
    void discoveryFindsTheRenderedChartByItsLabels() {
        rendered.forEach(o -> client.resource(o).inNamespace("mcp").create());
        DiscoveredStack stack = new StackDiscovery(client).discover("mcp", "demo");
        assertThat(stack.workload(ServerId.CODEBASE).url("mcp"))
                .hasToString("http://demo-mcp-stack-codebase-mcp.mcp.svc:8020");
        assertThat(stack.workload(ServerId.WORKFLOW).url("mcp"))
                .hasToString("http://demo-mcp-stack-workflow-mcp.mcp.svc:8010");
        assertThat(stack.database()).hasValue("demo-mcp-stack-postgresql");
    }

    @Test
    void theChartsLabelsAreTheOnesTheValidatorSelectsBy() {
        List<String> components = rendered.stream()
                .filter(o -> o.getKind().equals("Deployment")
                        || o.getKind().equals("StatefulSet")
                        || o.getKind().equals("Service"))
                .filter(o -> ChartLabels.carries(
                        o.getMetadata().getLabels(),
                        "demo",
                        o.getMetadata().getLabels().get(ChartLabels.COMPONENT)))
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .toList();
        assertThat(components)
                .contains(
                        "Deployment/demo-mcp-stack-codebase-mcp",
                        "Deployment/demo-mcp-stack-workflow-mcp",
                        "Service/demo-mcp-stack-codebase-mcp",
                        "Service/demo-mcp-stack-workflow-mcp",
                        "StatefulSet/demo-mcp-stack-postgresql");
    }
}
