package dev.mcpstack.workflow.codebase;

import java.util.List;
import java.util.UUID;

/**
 * What codebase-mcp says about a work item's references right now.
 *
 * @param stale references whose chunk no longer exists (empty when they could not be checked)
 * @param warnings {@link ReferenceCheck#CODE_SEARCH_UNAVAILABLE} when the check could not be made, plus one
 *     {@code "stale_reference: chunk <id> no longer exists in codebase-mcp"} per stale reference
 */
public record ReferenceReport(List<UUID> stale, List<String> warnings) {

    static ReferenceReport unavailable() {
        return new ReferenceReport(List.of(), List.of(ReferenceCheck.CODE_SEARCH_UNAVAILABLE));
    }
}
