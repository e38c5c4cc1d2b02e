package dev.mcpstack.codebase.indexing;

import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer to an indexing request. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IndexResult(
        UUID repositoryId, int filesIndexed, int chunksCreated, int filesSkipped, long durationMs, String status) {}
