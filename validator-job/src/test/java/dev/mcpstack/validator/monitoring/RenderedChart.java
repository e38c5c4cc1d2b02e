package dev.mcpstack.validator.monitoring;

import com.marcnuri.helm.Helm;
import dev.mcpstack.validator.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The checkout's chart as {@code helm template} renders it (helm-java, in process): what a cluster would get. */
final class RenderedChart {

    private RenderedChart() {}

    static List<JsonNode> render(Map<String, Object> values) {
        var template = new Helm(Tools.ROOT.resolve("helm"))
                .template()
                .withName("mcp-stack")
                .withNamespace(MonitoredStack.NAMESPACE);
        values.forEach(template::set);
        List<JsonNode> manifests = new ArrayList<>();
        for (String document : template.call().split("(?m)^---\\s*$")) {
            JsonNode manifest = Json.YAML.readTree(document);
            if (manifest != null && manifest.isObject()) {
                manifests.add(manifest);
            }
        }
        return manifests;
    }

    static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream()
                .filter(manifest -> kind.equals(manifest.path("kind").asString()))
                .toList();
    }
}
