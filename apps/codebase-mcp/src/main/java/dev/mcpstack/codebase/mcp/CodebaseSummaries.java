package dev.mcpstack.codebase.mcp;

import dev.mcpstack.codebase.chunks.ChunkStore;
import dev.mcpstack.codebase.repositories.RepositoryCatalog;
import dev.mcpstack.codebase.search.SearchResponse;

/** The short text form of each tool result, for clients that show text rather than structured content. */
final class CodebaseSummaries {

    private CodebaseSummaries() {}

    static String search(SearchResponse response) {
        StringBuilder text = new StringBuilder()
                .append(response.results().size())
                .append(" of ")
                .append(response.totalCount())
                .append(" matching chunks");
        for (SearchResponse.Hit hit : response.results()) {
            text.append('\n')
                    .append(hit.filePath())
                    .append(':')
                    .append(hit.startLine())
                    .append('-')
                    .append(hit.endLine())
                    .append(" chunk_id=")
                    .append(hit.chunkId())
                    .append(" score=")
                    .append(hit.score());
        }
        return text.toString();
    }

    static String chunk(ChunkStore.Chunk chunk) {
        return chunk.filePath() + ":" + chunk.startLine() + "-" + chunk.endLine() + " (" + chunk.language() + ")\n"
                + chunk.content();
    }

    static String repositories(RepositoryCatalog.RepositoryList list) {
        StringBuilder text =
                new StringBuilder().append(list.repositories().size()).append(" repositories");
        for (RepositoryCatalog.RepositorySummary repository : list.repositories()) {
            text.append('\n')
                    .append(repository.name())
                    .append(" repository_id=")
                    .append(repository.repositoryId())
                    .append(" files=")
                    .append(repository.fileCount())
                    .append(" chunks=")
                    .append(repository.chunkCount());
        }
        return text.toString();
    }
}
