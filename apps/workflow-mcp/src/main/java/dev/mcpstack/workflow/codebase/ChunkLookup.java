package dev.mcpstack.workflow.codebase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** codebase-mcp's answer to {@code POST /mcp/chunks/lookup}; only what the stale check needs is read. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record ChunkLookup(List<FoundChunk> found, List<UUID> missing) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FoundChunk(UUID chunkId) {}
}
