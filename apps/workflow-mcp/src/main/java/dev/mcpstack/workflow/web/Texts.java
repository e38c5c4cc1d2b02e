package dev.mcpstack.workflow.web;

import dev.mcpstack.common.problem.ApiProblem;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Checks Bean Validation cannot express: PostgreSQL refuses NUL in text and in jsonb strings, so a NUL must be
 * a 400 here rather than a database error later.
 */
public final class Texts {

    private Texts() {}

    public static void requireStorable(String field, @Nullable String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw ApiProblem.badRequest("invalid-text", field + " must not contain NUL characters");
        }
    }

    public static void requireStorable(String field, @Nullable Collection<String> values) {
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    throw ApiProblem.badRequest("invalid-text", field + " must not contain null elements");
                }
                requireStorable(field, value);
            }
        }
    }
}
