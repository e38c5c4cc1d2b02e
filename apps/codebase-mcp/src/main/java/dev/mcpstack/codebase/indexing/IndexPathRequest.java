package dev.mcpstack.codebase.indexing;

import org.jspecify.annotations.Nullable;

/** A directory on the server to index as a repository: {@code POST /mcp/index} (JSON) and {@code index_directory}. */
public record IndexPathRequest(
        @Nullable String path, @Nullable String repository) {}
