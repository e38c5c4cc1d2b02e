package dev.mcpstack.common.mcp;

import dev.mcpstack.common.json.InputProblems;
import dev.mcpstack.common.problem.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool call's arguments, read with the same strict mapper as REST bodies: {@link #as} gives the REST request
 * record (so both paths share its validation), a type mismatch is the same 400 naming the field.
 */
public final class ToolArguments {

    private final Map<String, Object> values;
    private final JsonMapper mapper;

    /** Arguments the schema does not name are refused, as a model that misspells one should learn. */
    ToolArguments(@Nullable Map<String, Object> values, Set<String> allowed, JsonMapper mapper) {
        this(values == null ? Map.of() : values, mapper);
        for (String name : this.values.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("unknown-field", "unknown field '" + name + "'");
            }
        }
    }

    private ToolArguments(Map<String, Object> values, JsonMapper mapper) {
        this.values = values;
        this.mapper = mapper;
    }

    /** Only the arguments named, e.g. the body fields of a request whose other arguments are path parameters. */
    public ToolArguments only(String... names) {
        Map<String, Object> subset = new LinkedHashMap<>();
        for (String name : names) {
            if (values.containsKey(name)) {
                subset.put(name, values.get(name));
            }
        }
        return new ToolArguments(subset, mapper);
    }

    /** The arguments as the request record, after renaming tool argument names to the record's JSON names. */
    public <T> T as(Class<T> type, Map<String, String> renamed) {
        Map<String, Object> json = new LinkedHashMap<>(values);
        renamed.forEach((from, to) -> {
            if (json.containsKey(from)) {
                json.put(to, json.remove(from));
            }
        });
        try {
            return mapper.convertValue(json, type);
        } catch (JacksonException e) {
            throw InputProblems.of(e);
        } catch (IllegalArgumentException e) {
            JacksonException cause = InputProblems.cause(e);
            throw cause == null
                    ? ApiProblem.badRequest("invalid-arguments", "The arguments are invalid")
                    : InputProblems.of(cause);
        }
    }

    public <T> T as(Class<T> type) {
        return as(type, Map.of());
    }

    /** A string argument; a value of another type is a 400 naming it. */
    public @Nullable String string(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiProblem.badRequest("invalid-type", "'" + name + "' must be a string");
    }

    public String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("invalid-request", name + ": must not be blank");
        }
        return value;
    }

    /** An integer argument; a string, fraction or other type is a 400 naming it. */
    public @Nullable Integer integer(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Long number && number == number.intValue()) {
            return number.intValue();
        }
        throw ApiProblem.badRequest("invalid-type", "'" + name + "' must be an integer");
    }

    public @Nullable UUID uuid(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-id", "'" + name + "' must be a UUID string");
    }

    public UUID requiredUuid(String name) {
        UUID id = uuid(name);
        if (id == null) {
            throw ApiProblem.badRequest("invalid-request", name + ": must not be null");
        }
        return id;
    }
}
