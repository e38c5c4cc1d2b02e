package dev.mcpstack.codebase.search;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /mcp/search} and the arguments of the MCP tool {@code search_code}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SearchRequest(
        @Nullable String query,
        @Nullable Integer limit,
        @Nullable String repositoryId,
        @Nullable String language,
        @Nullable String filePathPrefix) {}
