package dev.mcpstack.deployment.manifests;

import dev.mcpstack.deployment.chart.Chart;
import dev.mcpstack.deployment.chart.Rendered;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated files of k8s/: the chart's default release "mcp-stack" in namespace "mcp-stack", with the database
 * Secret made by the operator beforehand (no password is checked in), and the chart's validation Job as one plain
 * document. k8s/kustomization.yaml and k8s/namespace.yaml are written by hand; k8s/monitoring/ is not ours.
 */
final class PlainManifests {

    static final String NAMESPACE = "mcp-stack";
    static final Map<String, Object> VALUES = Map.of("postgresql.existingSecret", "mcp-stack-postgresql");

    private static final String GENERATED = """
            # Generated from helm/ by apps/deployment-tests (PlainManifestsTest): do not edit, regenerate with
            #   ./mvnw -B -pl apps/deployment-tests -am verify -DskipImages -Dtest=PlainManifestsTest \\
            #     -Dsurefire.failIfNoSpecifiedTests=false -Dk8s.regenerate=true
            """;

    private PlainManifests() {}

    /** File name in k8s/ → content. */
    static Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        String stack = Chart.template(Chart.directory(), Chart.RELEASE, NAMESPACE, VALUES);
        files.put(
                "mcp-stack.yaml",
                GENERATED + "# the stack: helm template mcp-stack helm/ -n mcp-stack"
                        + " --set postgresql.existingSecret=mcp-stack-postgresql\n" + stack);
        files.put("validation-job.yaml", GENERATED + """
                # One validation run: kubectl -n mcp-stack create -f k8s/validation-job.yaml
                # (the chart's Job, without its Helm hook annotations; delete the finished Job before the next run)
                """ + validationJob());
        return files;
    }

    private static String validationJob() {
        Rendered rendered = Chart.render(Map.of("validator.job.enabled", true));
        Job job = rendered.get(Job.class, "mcp-stack-validation");
        job.getMetadata()
                .getAnnotations()
                .keySet()
                .removeIf(key -> key.startsWith(Chart.REVEALED_HOOK) || key.startsWith("helm.sh/"));
        if (job.getMetadata().getAnnotations().isEmpty()) {
            job.getMetadata().setAnnotations(null);
        }
        return new KubernetesSerialization().asYaml(job).replaceFirst("^---\n", "");
    }
}
