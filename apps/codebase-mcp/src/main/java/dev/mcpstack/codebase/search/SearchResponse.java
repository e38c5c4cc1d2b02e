package dev.mcpstack.codebase.search;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /mcp/search} answer: hits best first, how many chunks matched in all — exactly, or at least that many
 * when {@code totalCountExact} is false (search stops counting where its cost bound is reached) — and the time taken.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SearchResponse(List<Hit> results, long totalCount, boolean totalCountExact, double latencyMs) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Hit(
            UUID chunkId,
            UUID repositoryId,
            String filePath,
            int startLine,
            int endLine,
            String snippet,
            double score) {}
}
