package dev.mcpstack.validator.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * What {@code {{...}}} can refer to while a scenario runs, in this order:
 *
 * <ol>
 *   <li>a variable or named capture: {@code {{run_id}}}, {@code {{project_id}}}, {@code {{work_item.id}}};
 *   <li>the response body of step N: {@code {{steps.2.results[0].chunk_id}}};
 *   <li>the previous step's response body: {@code {{results[0].chunk_id}}}.
 * </ol>
 */
public final class TemplateContext {

    private final Map<String, JsonNode> variables = new LinkedHashMap<>();
    private final List<JsonNode> responses = new ArrayList<>();

    public TemplateContext variable(String name, String value) {
        variables.put(name, JsonNodeFactory.instance.stringNode(value));
        return this;
    }

    public void capture(String name, JsonNode value) {
        variables.put(name, value);
    }

    /** Records the body of the step just run (steps are 1-based, in order). */
    public void response(JsonNode body) {
        responses.add(body);
    }

    public Map<String, JsonNode> variables() {
        return Map.copyOf(variables);
    }

    /** Resolves one expression, or throws with what was looked at. */
    public JsonNode resolve(String expression) {
        String expr = expression.trim();
        String head = expr.split("[.\\[]", 2)[0];
        if (variables.containsKey(head)) {
            return require(
                    JsonPaths.at(
                            variables.get(head), expr.substring(head.length()).replaceFirst("^\\.", "")),
                    expr,
                    "capture '" + head + "'");
        }
        if (head.equals("steps")) {
            String[] parts = expr.split("\\.", 3);
            int step = parseStep(parts.length > 1 ? parts[1] : "", expr);
            if (step < 1 || step > responses.size()) {
                throw new IllegalArgumentException(
                        "{{" + expr + "}}: step " + step + " has not run yet (steps run: " + responses.size() + ")");
            }
            return require(
                    JsonPaths.at(responses.get(step - 1), parts.length > 2 ? parts[2] : ""),
                    expr,
                    "response of step " + step);
        }
        JsonNode last = lastResponse();
        if (last == null) {
            throw new IllegalArgumentException("{{" + expr + "}}: no variable or capture named '" + head
                    + "' and no previous response; known: " + variables.keySet());
        }
        return require(JsonPaths.at(last, expr), expr, "previous response (and no capture named '" + head + "')");
    }

    private @Nullable JsonNode lastResponse() {
        return responses.isEmpty() ? null : responses.get(responses.size() - 1);
    }

    private static int parseStep(String text, String expr) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("{{" + expr + "}}: expected steps.<number>.<path>");
        }
    }

    private static JsonNode require(JsonNode node, String expr, String where) {
        if (node instanceof MissingNode || node.isMissingNode()) {
            throw new IllegalArgumentException(
                    "{{" + expr + "}} did not resolve: nothing at that path in the " + where);
        }
        return node;
    }
}
