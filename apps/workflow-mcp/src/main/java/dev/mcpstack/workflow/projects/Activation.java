package dev.mcpstack.workflow.projects;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A client's current project since {@code switchedAt}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Activation(UUID activeProjectId, Instant switchedAt) {}
