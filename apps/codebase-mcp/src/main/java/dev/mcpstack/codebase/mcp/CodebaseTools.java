package dev.mcpstack.codebase.mcp;

import dev.mcpstack.codebase.chunks.ChunkStore;
import dev.mcpstack.codebase.indexing.DirectoryIndexing;
import dev.mcpstack.codebase.indexing.IndexPathRequest;
import dev.mcpstack.codebase.repositories.RepositoryCatalog;
import dev.mcpstack.codebase.search.CodeSearch;
import dev.mcpstack.codebase.search.SearchRequest;
import dev.mcpstack.common.mcp.McpTools;
import dev.mcpstack.common.mcp.ToolSchema;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * codebase-mcp's MCP tools (SPEC §10): each maps its arguments to the REST request and calls the same operation as
 * the REST endpoint; {@link McpTools} does the rest (errors, metrics, structured results).
 */
@Configuration(proxyBeanMethods = false)
class CodebaseTools {

    /** The body of a successful delete, which REST answers with 204 and no body. */
    record Deleted(UUID repositoryId, boolean deleted) {}

    /** One list: Spring AI collects tool beans by the type {@code List<AsyncToolSpecification>}. */
    @Bean
    List<AsyncToolSpecification> codebaseMcpTools(
            McpTools tools,
            CodeSearch search,
            ChunkStore chunks,
            RepositoryCatalog catalog,
            DirectoryIndexing indexing) {
        return List.of(
                searchCode(tools, search),
                getChunk(tools, chunks),
                listRepositories(tools, catalog),
                indexDirectory(tools, indexing),
                deleteRepository(tools, catalog));
    }

    private static AsyncToolSpecification searchCode(McpTools tools, CodeSearch search) {
        return tools.reading(
                        "search_code",
                        "Search code",
                        "Lexical, identifier-aware code search over the indexed repositories. Returns the best chunks"
                                + " (file, lines, snippet, chunk_id); use get_chunk for a chunk's full text.")
                .calls(
                        ToolSchema.object()
                                .string("query", "An identifier, its words, or a short natural-language question")
                                .integer("limit", "Results to return (default 10)", 1, 100)
                                .uuid("repository", "Only this repository (its repository_id)")
                                .string("language", "Only this language, e.g. java, python, typescript")
                                .string("path_prefix", "Only files whose path starts with this")
                                .required("query"),
                        (arguments, exchange) -> search.search(arguments.as(
                                SearchRequest.class,
                                Map.of("repository", "repository_id", "path_prefix", "file_path_prefix"))),
                        CodebaseSummaries::search);
    }

    private static AsyncToolSpecification getChunk(McpTools tools, ChunkStore chunks) {
        return tools.reading("get_chunk", "Get chunk", "The full text and location of one chunk, by its chunk_id.")
                .calls(
                        ToolSchema.object()
                                .uuid("chunk_id", "A chunk_id from search_code")
                                .required("chunk_id"),
                        (arguments, exchange) -> chunks.require(arguments.requiredString("chunk_id")),
                        CodebaseSummaries::chunk);
    }

    private static AsyncToolSpecification listRepositories(McpTools tools, RepositoryCatalog catalog) {
        return tools.reading(
                        "list_repositories",
                        "List repositories",
                        "The indexed repositories with their ids and file and chunk counts.")
                .calls(ToolSchema.object(), (arguments, exchange) -> catalog.list(), CodebaseSummaries::repositories);
    }

    private static AsyncToolSpecification indexDirectory(McpTools tools, DirectoryIndexing indexing) {
        return tools.writing(
                        "index_directory",
                        "Index a server directory",
                        "Index (or re-index, replacing its chunks) a directory on the server as a repository."
                                + " Only directories under the server's configured allowed roots.",
                        false,
                        true)
                .calls(
                        ToolSchema.object()
                                .string("path", "Absolute path of the directory on the server")
                                .string("repository", "Name to index it under, e.g. acme/payments")
                                .required("path", "repository"),
                        (arguments, exchange) -> indexing.index(arguments.as(IndexPathRequest.class)),
                        result -> "Indexed " + result.filesIndexed() + " files into " + result.chunksCreated()
                                + " chunks in " + result.durationMs() + " ms (repository_id " + result.repositoryId()
                                + ", " + result.filesSkipped() + " files skipped)");
    }

    private static AsyncToolSpecification deleteRepository(McpTools tools, RepositoryCatalog catalog) {
        return tools.writing(
                        "delete_repository",
                        "Delete repository",
                        "Delete an indexed repository with all its files and chunks.",
                        true,
                        true)
                .calls(
                        ToolSchema.object()
                                .uuid("repository_id", "From list_repositories")
                                .required("repository_id"),
                        (arguments, exchange) -> catalog.delete(arguments.requiredString("repository_id"))
                                .map(id -> new Deleted(id, true)),
                        deleted -> "Deleted repository " + deleted.repositoryId());
    }
}
