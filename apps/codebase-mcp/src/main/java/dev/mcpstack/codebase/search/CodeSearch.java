package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.Ids;
import dev.mcpstack.common.problem.ApiProblem;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A search request, validated into a safe tsquery and filters, then searched: the one path behind
 * {@code POST /mcp/search} and the MCP tool {@code search_code}.
 */
@Component
public class CodeSearch {

    private static final int MAX_FILTER_LENGTH = 1024;

    private final SearchService service;
    private final SearchProperties properties;

    CodeSearch(SearchService service, SearchProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    public Mono<SearchResponse> search(SearchRequest request) {
        String text = request.query();
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest("invalid-query", "'query' must not be empty");
        }
        if (text.length() > properties.maxQueryLength()) {
            throw ApiProblem.badRequest(
                    "invalid-query", "'query' is longer than " + properties.maxQueryLength() + " characters");
        }
        SearchQuery query = SearchQuery.parse(text);
        if (query == null) {
            throw ApiProblem.badRequest(
                    "invalid-query", "'query' has no searchable term (identifiers or words of 2 or more characters)");
        }
        int limit = request.limit() == null ? properties.defaultLimit() : request.limit();
        if (limit < 1 || limit > properties.maxLimit()) {
            throw ApiProblem.badRequest(
                    "invalid-limit", "'limit' must be between 1 and " + properties.maxLimit() + ", was " + limit);
        }
        UUID repositoryId = request.repositoryId() == null ? null : Ids.parse(request.repositoryId(), "repository_id");
        return service.search(
                query,
                limit,
                new SearchService.Filters(
                        repositoryId,
                        filter(request.language(), "language"),
                        filter(request.filePathPrefix(), "file_path_prefix")));
    }

    /** Filters are bound as parameters, so only what PostgreSQL cannot store (NUL) or absurd lengths are refused. */
    private static @Nullable String filter(@Nullable String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH || value.indexOf('\0') >= 0) {
            throw ApiProblem.badRequest(
                    "invalid-filter",
                    "'" + name + "' must be at most " + MAX_FILTER_LENGTH + " characters without NUL characters");
        }
        return value;
    }
}
