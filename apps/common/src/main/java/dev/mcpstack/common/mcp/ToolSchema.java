package dev.mcpstack.common.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool's input JSON Schema, written next to the tool so its argument names and descriptions are the ones a
 * model reads (the REST records carry REST names and no descriptions, so a generated schema would say less).
 */
public final class ToolSchema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    public static ToolSchema object() {
        return new ToolSchema();
    }

    public ToolSchema string(String name, String description) {
        return property(name, Map.of("type", "string", "description", description));
    }

    public ToolSchema uuid(String name, String description) {
        return property(name, Map.of("type", "string", "format", "uuid", "description", description));
    }

    public ToolSchema integer(String name, String description, int minimum, int maximum) {
        return property(
                name, Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum));
    }

    public ToolSchema strings(String name, String description) {
        return property(name, Map.of("type", "array", "items", Map.of("type", "string"), "description", description));
    }

    public ToolSchema json(String name, String description) {
        return property(name, Map.of("type", "object", "description", description));
    }

    public ToolSchema oneOf(String name, String description, List<String> values) {
        return property(name, Map.of("type", "string", "enum", values, "description", description));
    }

    /** Marks the properties named as required. */
    public ToolSchema required(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    private ToolSchema property(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    Set<String> names() {
        return properties.keySet();
    }

    Map<String, Object> toMap() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
