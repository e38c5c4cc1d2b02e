package dev.mcpstack.validator.scenarios;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces {@code {{expression}}} placeholders. A string that is exactly one placeholder takes the referenced JSON
 * value as is (so a number stays a number and an array an array); placeholders inside longer text are replaced by
 * the value's text.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private Templates() {}

    public static String renderText(String text, TemplateContext context) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = context.resolve(matcher.group(1));
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(value.isValueNode() ? value.asString() : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public static JsonNode render(JsonNode node, TemplateContext context) {
        if (node.isString()) {
            String text = node.asString();
            Matcher whole = PLACEHOLDER.matcher(text);
            if (whole.matches()) {
                return context.resolve(whole.group(1)).deepCopy();
            }
            return JsonNodeFactory.instance.stringNode(renderText(text, context));
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(render(item, context)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                object.set(renderText(field.getKey(), context), render(field.getValue(), context));
            }
            return object;
        }
        return node;
    }
}
