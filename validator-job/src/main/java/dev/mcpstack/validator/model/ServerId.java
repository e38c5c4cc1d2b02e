package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The two services, by the names the seed and the chart use. */
public enum ServerId {
    CODEBASE("codebase-mcp"),
    WORKFLOW("workflow-mcp");

    private final String wireName;

    ServerId(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Accepts the wire name or the short form used in scenario files ({@code codebase}, {@code workflow}). */
    @JsonCreator
    public static ServerId parse(String value) {
        return Arrays.stream(values())
                .filter(id -> id.wireName.equals(value) || id.wireName.equals(value + "-mcp"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown server '" + value + "', expected codebase-mcp or workflow-mcp"));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
