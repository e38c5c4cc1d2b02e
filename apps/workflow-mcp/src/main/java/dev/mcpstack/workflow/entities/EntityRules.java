package dev.mcpstack.workflow.entities;

import dev.mcpstack.common.problem.ApiProblem;
import dev.mcpstack.workflow.web.Texts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Size caps and the checks on JSON values that annotations cannot express. */
final class EntityRules {

    static final int MAX_TYPE_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TAGS = 100;
    static final int MAX_TAG_LENGTH = 100;
    static final int MAX_DATA_CHARS = 64 * 1024;

    private EntityRules() {}

    /** The JSON text to store, or a 400 when the value is not an object, is too large or holds a NUL. */
    static String storableObject(String field, @Nullable JsonNode value) {
        if (value == null || !value.isObject()) {
            throw ApiProblem.badRequest("invalid-data", field + " must be a JSON object");
        }
        String json = value.toString();
        if (json.length() > MAX_DATA_CHARS) {
            throw ApiProblem.badRequest(
                    "invalid-data", field + " must be at most " + MAX_DATA_CHARS + " characters of JSON");
        }
        // PostgreSQL's jsonb refuses the escaped NUL character
        if (json.contains("\\u0000")) {
            throw ApiProblem.badRequest("invalid-data", field + " must not contain NUL characters");
        }
        Texts.requireStorable(field, json);
        return json;
    }
}
