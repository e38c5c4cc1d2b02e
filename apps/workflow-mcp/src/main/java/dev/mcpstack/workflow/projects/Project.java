package dev.mcpstack.workflow.projects;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A tenant. Immutable once created, which is what lets {@link ProjectDirectory} cache it without invalidation. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Project(UUID id, String name, @Nullable String description, Instant createdAt) {}
