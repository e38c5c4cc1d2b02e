package dev.mcpstack.codebase.indexing;

import java.util.UUID;

/**
 * Published once a repository's new chunks and term statistics are committed, so what search keeps of the old
 * statistics is dropped at once rather than when it expires.
 */
public record RepositoryIndexed(UUID repositoryId) {}
