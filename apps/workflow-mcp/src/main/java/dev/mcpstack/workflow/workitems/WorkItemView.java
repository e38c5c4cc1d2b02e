package dev.mcpstack.workflow.workitems;

import dev.mcpstack.workflow.codebase.ReferenceReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A work item with what codebase-mcp currently says about its references. {@code entity_references} always
 * holds every stored reference; {@code stale_references} is the subset whose chunk is gone.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkItemView(
        UUID id,
        UUID projectId,
        String title,
        @Nullable String description,
        String status,
        List<UUID> entityReferences,
        Instant createdAt,
        Instant updatedAt,
        List<UUID> staleReferences,
        List<String> warnings) {

    static WorkItemView of(WorkItem item, ReferenceReport report) {
        return new WorkItemView(
                item.id(),
                item.projectId(),
                item.title(),
                item.description(),
                item.status(),
                item.entityReferences(),
                item.createdAt(),
                item.updatedAt(),
                report.stale(),
                report.warnings());
    }
}
