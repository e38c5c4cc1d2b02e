package dev.mcpstack.codebase.chunks;

import dev.mcpstack.codebase.Ids;
import dev.mcpstack.common.problem.ApiProblem;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Chunk rows by id. */
@Repository
public class ChunkStore {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Chunk(
            UUID chunkId,
            UUID repositoryId,
            String filePath,
            String language,
            int startLine,
            int endLine,
            String content) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChunkSummary(
            UUID chunkId, UUID repositoryId, String filePath, String language, int startLine, int endLine) {}

    private final DatabaseClient database;

    ChunkStore(DatabaseClient database) {
        this.database = database;
    }

    /** The chunk {@code GET /mcp/chunks/{id}} and the MCP tool {@code get_chunk} answer, or a 404. */
    public Mono<Chunk> require(String id) {
        UUID chunkId = Ids.parse(id, "chunk id");
        return find(chunkId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Chunk", chunkId)));
    }

    Mono<Chunk> find(UUID id) {
        return database.sql("SELECT id, repository_id, file_path, language, start_line, end_line, content"
                        + " FROM chunks WHERE id = $1")
                .bind("$1", id)
                .map(row -> new Chunk(
                        row.get("id", UUID.class),
                        row.get("repository_id", UUID.class),
                        row.get("file_path", String.class),
                        row.get("language", String.class),
                        integer(row, "start_line"),
                        integer(row, "end_line"),
                        row.get("content", String.class)))
                .one();
    }

    /** Every existing chunk among {@code ids}, in one query. */
    Flux<ChunkSummary> summaries(Collection<UUID> ids) {
        return database.sql("SELECT id, repository_id, file_path, language, start_line, end_line"
                        + " FROM chunks WHERE id = ANY($1)")
                .bind("$1", ids.toArray(UUID[]::new))
                .map(row -> new ChunkSummary(
                        row.get("id", UUID.class),
                        row.get("repository_id", UUID.class),
                        row.get("file_path", String.class),
                        row.get("language", String.class),
                        integer(row, "start_line"),
                        integer(row, "end_line")))
                .all();
    }

    /** Deletes a chunk and keeps its repository's chunk count right; false when there was no such chunk. */
    Mono<Boolean> delete(UUID id) {
        return database.sql("WITH deleted AS (DELETE FROM chunks WHERE id = $1 RETURNING repository_id)"
                        + " UPDATE repositories SET chunk_count = chunk_count - 1"
                        + " FROM deleted WHERE repositories.id = deleted.repository_id")
                .bind("$1", id)
                .fetch()
                .rowsUpdated()
                .map(count -> count > 0);
    }

    private static int integer(Readable row, String column) {
        Integer value = row.get(column, Integer.class);
        return value == null ? 0 : value;
    }
}
