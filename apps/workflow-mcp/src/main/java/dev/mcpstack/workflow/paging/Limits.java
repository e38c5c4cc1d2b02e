package dev.mcpstack.workflow.paging;

import dev.mcpstack.common.problem.ApiProblem;
import org.jspecify.annotations.Nullable;

/** Page size rules shared by every list endpoint. */
public final class Limits {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private Limits() {}

    public static int pageSize(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be between 1 and " + MAX + ", got " + requested);
        }
        return requested;
    }
}
