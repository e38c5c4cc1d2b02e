package dev.mcpstack.codebase.repositories;

import dev.mcpstack.codebase.Ids;
import dev.mcpstack.common.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The indexed repositories: listed and deleted (files and chunks go with it) for {@code GET /mcp/repositories},
 * {@code DELETE /mcp/repositories/{id}} and the MCP tools {@code list_repositories} and {@code delete_repository}.
 */
@Component
public class RepositoryCatalog {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RepositorySummary(
            UUID repositoryId,
            String name,
            int fileCount,
            int chunkCount,
            int filesSkipped,
            OffsetDateTime indexedAt) {}

    public record RepositoryList(List<RepositorySummary> repositories) {}

    private final DatabaseClient database;

    RepositoryCatalog(DatabaseClient database) {
        this.database = database;
    }

    public Mono<RepositoryList> list() {
        return database.sql("SELECT id, name, file_count, chunk_count, files_skipped, indexed_at FROM repositories"
                        + " ORDER BY name")
                .map(row -> new RepositorySummary(
                        row.get("id", UUID.class),
                        row.get("name", String.class),
                        row.get("file_count", Integer.class),
                        row.get("chunk_count", Integer.class),
                        row.get("files_skipped", Integer.class),
                        row.get("indexed_at", OffsetDateTime.class)))
                .all()
                .collectList()
                .map(RepositoryList::new);
    }

    /** Deletes the repository, or fails with a 404 when there is none with that id. */
    public Mono<UUID> delete(String id) {
        UUID repositoryId = Ids.parse(id, "repository id");
        return database.sql("DELETE FROM repositories WHERE id = $1")
                .bind("$1", repositoryId)
                .fetch()
                .rowsUpdated()
                .map(count -> {
                    if (count == 0) {
                        throw ApiProblem.notFound("Repository", repositoryId);
                    }
                    return repositoryId;
                });
    }
}
