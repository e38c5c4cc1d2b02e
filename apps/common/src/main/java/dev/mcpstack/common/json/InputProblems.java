package dev.mcpstack.common.json;

import dev.mcpstack.common.problem.ApiProblem;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request that could not be read into its record, as a 400 that names the field and what it must be
 * ({@code 'title' must be a string}): one wording for REST bodies and MCP tool arguments.
 */
public final class InputProblems {

    private InputProblems() {}

    public static ApiProblem of(JacksonException error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return ApiProblem.badRequest("unknown-field", "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (error instanceof StreamReadException) {
            return ApiProblem.badRequest("malformed-body", "The request body is not valid JSON");
        }
        String path = error.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (path.isEmpty()) {
            return ApiProblem.badRequest("malformed-body", "The request body does not have the expected shape");
        }
        String expected =
                error instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
        return ApiProblem.badRequest(
                "invalid-type",
                expected == null
                        ? "'" + path + "' has the wrong type or format"
                        : "'" + path + "' must be " + expected);
    }

    /** Finds the Jackson failure behind a framework exception, if there is one. */
    public static @Nullable JacksonException cause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static @Nullable String expected(@Nullable Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return JsonNode.class.isAssignableFrom(type) ? null : "an object";
    }
}
