package dev.mcpstack.codebase.repositories;

import dev.mcpstack.codebase.Ids;
import dev.mcpstack.common.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET /mcp/repositories} and {@code DELETE /mcp/repositories/{id}} (files and chunks go with it). */
@RestController
class RepositoryController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RepositorySummary(
            UUID repositoryId,
            String name,
            int fileCount,
            int chunkCount,
            int filesSkipped,
            OffsetDateTime indexedAt) {}

    record RepositoryList(List<RepositorySummary> repositories) {}

    private final DatabaseClient database;

    RepositoryController(DatabaseClient database) {
        this.database = database;
    }

    @GetMapping("/mcp/repositories")
    Mono<RepositoryList> list() {
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

    @DeleteMapping("/mcp/repositories/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        UUID repositoryId = Ids.parse(id, "repository id");
        return database.sql("DELETE FROM repositories WHERE id = $1")
                .bind("$1", repositoryId)
                .fetch()
                .rowsUpdated()
                .map(count -> {
                    if (count == 0) {
                        throw ApiProblem.notFound("Repository", repositoryId);
                    }
                    return ResponseEntity.noContent().build();
                });
    }
}
