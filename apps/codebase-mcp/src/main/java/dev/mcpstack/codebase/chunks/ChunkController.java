package dev.mcpstack.codebase.chunks;

import dev.mcpstack.codebase.Ids;
import dev.mcpstack.codebase.search.SearchProperties;
import dev.mcpstack.common.problem.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Single chunks: read, delete, and the bulk existence check workflow-mcp uses for stale references. The lookup's
 * shape ({@code {chunk_ids}} → {@code {found, missing}}) is a contract with workflow-mcp.
 */
@RestController
class ChunkController {

    private final ChunkStore store;
    private final int maxLookupIds;

    ChunkController(ChunkStore store, SearchProperties properties) {
        this.store = store;
        this.maxLookupIds = properties.maxLookupIds();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LookupRequest(@Nullable List<@Nullable String> chunkIds) {}

    record LookupResponse(List<ChunkStore.ChunkSummary> found, List<UUID> missing) {}

    @GetMapping("/mcp/chunks/{id}")
    Mono<ChunkStore.Chunk> get(@PathVariable String id) {
        return store.require(id);
    }

    @PostMapping("/mcp/chunks/lookup")
    Mono<LookupResponse> lookup(@RequestBody LookupRequest request) {
        List<@Nullable String> raw = request.chunkIds();
        if (raw == null) {
            throw ApiProblem.badRequest("invalid-lookup", "'chunk_ids' must be an array of chunk ids");
        }
        if (raw.size() > maxLookupIds) {
            throw ApiProblem.badRequest(
                    "too-many-ids", "'chunk_ids' has " + raw.size() + " ids; at most " + maxLookupIds + " are allowed");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : raw) {
            ids.add(Ids.parse(value == null ? "null" : value, "chunk id"));
        }
        if (ids.isEmpty()) {
            return Mono.just(new LookupResponse(List.of(), List.of()));
        }
        return store.summaries(ids).collectList().map(found -> {
            Set<UUID> missing = new LinkedHashSet<>(ids);
            found.forEach(chunk -> missing.remove(chunk.chunkId()));
            return new LookupResponse(found, new ArrayList<>(missing));
        });
    }

    @DeleteMapping("/mcp/chunks/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        UUID chunkId = Ids.parse(id, "chunk id");
        return store.delete(chunkId).map(deleted -> {
            if (!deleted) {
                throw ApiProblem.notFound("Chunk", chunkId);
            }
            return ResponseEntity.noContent().build();
        });
    }
}
