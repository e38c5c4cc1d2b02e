package dev.mcpstack.workflow.web;

import dev.mcpstack.common.problem.ApiProblem;
import org.jspecify.annotations.Nullable;

/** The caller's identity for project switching: the {@code X-Client-Id} header, {@code default} when absent. */
public final class ClientIds {

    public static final String HEADER = "X-Client-Id";
    public static final String DEFAULT = "default";
    private static final int MAX_LENGTH = 200;

    private ClientIds() {}

    public static String of(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            return DEFAULT;
        }
        if (header.length() > MAX_LENGTH || header.isBlank() || header.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest(
                    "invalid-client-id", HEADER + " must be 1-" + MAX_LENGTH + " printable characters");
        }
        return header;
    }
}
