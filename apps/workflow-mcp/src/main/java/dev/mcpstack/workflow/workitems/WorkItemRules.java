package dev.mcpstack.workflow.workitems;

import dev.mcpstack.common.problem.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

final class WorkItemRules {

    static final int MAX_TITLE_LENGTH = 500;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    /** The most chunk ids codebase-mcp checks in one lookup. */
    static final int MAX_REFERENCES = 1000;

    private WorkItemRules() {}

    /** Chunk ids in the order given, duplicates dropped; a malformed one is a 400 naming it. */
    static List<UUID> references(@Nullable List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : raw) {
            ids.add(chunkId(value));
        }
        return List.copyOf(new ArrayList<>(ids));
    }

    private static UUID chunkId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        throw ApiProblem.badRequest(
                "invalid-reference", "entity_references must be chunk ids (UUIDs); '" + shown + "' is not one");
    }
}
