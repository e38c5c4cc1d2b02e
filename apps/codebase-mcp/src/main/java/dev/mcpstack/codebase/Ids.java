package dev.mcpstack.codebase;

import dev.mcpstack.common.problem.ApiProblem;
import java.util.UUID;

/** Chunk and repository ids arrive as text; a malformed one is the client's mistake (400), never a 500. */
public final class Ids {

    private Ids() {}

    public static UUID parse(String value, String what) {
        if (value.length() == 36) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                // fall through to the problem below
            }
        }
        throw ApiProblem.badRequest("malformed-id", what + " '" + abbreviate(value) + "' is not a UUID");
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
