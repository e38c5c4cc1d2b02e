package dev.mcpstack.workflow.workitems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A stored work item, as listed; single-item responses add the reference check ({@link WorkItemView}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkItem(
        UUID id,
        UUID projectId,
        String title,
        @Nullable String description,
        String status,
        List<UUID> entityReferences,
        Instant createdAt,
        Instant updatedAt) {}
