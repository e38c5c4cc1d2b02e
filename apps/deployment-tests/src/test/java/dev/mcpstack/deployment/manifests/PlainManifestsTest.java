package dev.mcpstack.deployment.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mcpstack.deployment.chart.Chart;
import dev.mcpstack.deployment.chart.Rendered;
import dev.mcpstack.deployment.support.MissingTool;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlainManifestsTest {

    private static final Path K8S = Chart.root().resolve("k8s");

    @Test
    void theCheckedInManifestsAreTheChartsCurrentRender() throws IOException {
        Map<String, String> rendered = PlainManifests.render();
        if (Boolean.getBoolean("k8s.regenerate")) {
            for (Map.Entry<String, String> file : rendered.entrySet()) {
                Files.writeString(K8S.resolve(file.getKey()), file.getValue());
            }
        }
        rendered.forEach((name, content) -> assertThat(K8S.resolve(name))
                .as("k8s/%s is stale: regenerate it with the command at its top", name)
                .hasContent(content));
    }

    @Test
    void theKustomizationAppliesTheNamespaceAndTheStackOnly() throws IOException {
        JsonNode kustomization =
                new YAMLMapper().readTree(K8S.resolve("kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        kustomization.get("resources").forEach(resource -> resources.add(resource.asText()));

        assertThat(kustomization.get("namespace").asText()).isEqualTo(PlainManifests.NAMESPACE);
        assertThat(resources).containsExactly("namespace.yaml", "mcp-stack.yaml");
        Namespace namespace = (Namespace) Rendered.parse(Files.readString(K8S.resolve("namespace.yaml")))
                .objects()
                .get(0);
        assertThat(namespace.getMetadata().getName()).isEqualTo(PlainManifests.NAMESPACE);
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void theValidationJobIsOnePlainJobOfTheContract() throws IOException {
        List<HasMetadata> objects = Rendered.parse(Files.readString(K8S.resolve("validation-job.yaml")))
                .objects();

        assertThat(objects).singleElement().isInstanceOf(Job.class);
        Job job = (Job) objects.get(0);
        assertThat(job.getMetadata().getName()).isEqualTo("mcp-stack-validation");
        assertThat(job.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("mcp-stack-validator");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .startsWith("run", "--target", "kubernetes", "--release", "mcp-stack");
    }

    @Test
    void kustomizeBuildsTheStackIntoTheNamespace() throws IOException, InterruptedException {
        if (MissingTool.which("kubectl").isEmpty()) {
            MissingTool.skip("PlainManifestsTest", "kubectl is not installed: kustomize build not checked");
        }
        Path output = Files.createTempFile("kustomize", ".yaml");
        try {
            Process kustomize = new ProcessBuilder("kubectl", "kustomize", K8S.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            assertThat(kustomize.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String built = Files.readString(output);
            assertThat(kustomize.exitValue()).as(built).isZero();

            List<HasMetadata> objects = Rendered.parse(built).objects();
            assertThat(objects).extracting(HasMetadata::getKind).contains("Namespace", "Deployment", "StatefulSet");
            assertThat(objects)
                    .filteredOn(object -> !(object instanceof Namespace))
                    .allSatisfy(object ->
                            assertThat(object.getMetadata().getNamespace()).isEqualTo(PlainManifests.NAMESPACE));
            assertThat(objects)
                    .filteredOn(object -> object instanceof RoleBinding)
                    .singleElement()
                    .satisfies(b -> assertThat(
                                    ((RoleBinding) b).getSubjects().get(0).getNamespace())
                            .isEqualTo(PlainManifests.NAMESPACE));
        } finally {
            Files.delete(output);
        }
    }
}
