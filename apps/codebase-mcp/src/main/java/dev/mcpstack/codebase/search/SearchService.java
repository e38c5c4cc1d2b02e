package dev.mcpstack.codebase.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Matches chunks through the GIN index on the full search vector, then ranks every match with {@code ts_rank} over
 * its small ranking vector (declarations A, path B): the chunk declaring a queried class comes first, then its file,
 * then files that merely use it (score 0, ordered by path). One round trip: the total count rides along as a window
 * aggregate.
 */
@Service
class SearchService {

    private static final String SELECT = "SELECT id, repository_id, file_path, start_line, end_line, content,"
            + " ts_rank(rank_vector, CAST($2 AS tsquery)) AS score, count(*) OVER () AS total"
            + " FROM chunks WHERE search_vector @@ CAST($1 AS tsquery)";
    private static final String ORDER = " ORDER BY score DESC, file_path, start_line LIMIT $3";

    /** The SQL for each combination of filters, built once. */
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    private final DatabaseClient database;
    private final SearchProperties properties;
    private final Timer latency;

    SearchService(DatabaseClient database, SearchProperties properties, MeterRegistry registry) {
        this.database = database;
        this.properties = properties;
        this.latency = Timer.builder("codebase_mcp.search.latency")
                .description("Time to answer one search request")
                .publishPercentileHistogram()
                .register(registry);
    }

    record Filters(
            @Nullable UUID repositoryId,
            @Nullable String language,
            @Nullable String filePathPrefix) {}

    /** The exact form first; when it matches nothing and the query has split words, the words form. */
    Mono<SearchResponse> search(SearchQuery query, int limit, Filters filters) {
        long started = System.nanoTime();
        String sql = statements.computeIfAbsent(key(filters), k -> sql(filters));
        String wordsTsquery = query.wordsTsquery();
        Mono<Page> page = page(sql, query.exactTsquery(), query, limit, filters);
        if (wordsTsquery != null) {
            page = page.flatMap(exact ->
                    exact.hits().isEmpty() ? page(sql, wordsTsquery, query, limit, filters) : Mono.just(exact));
        }
        return page.map(result -> {
            long nanos = System.nanoTime() - started;
            latency.record(nanos, TimeUnit.NANOSECONDS);
            return new SearchResponse(result.hits(), result.total(), Math.round(nanos / 10_000.0) / 100.0);
        });
    }

    private record Page(List<SearchResponse.Hit> hits, long total) {}

    private Mono<Page> page(String sql, String tsquery, SearchQuery query, int limit, Filters filters) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql)
                .bind("$1", tsquery)
                .bind("$2", query.rankTsquery())
                .bind("$3", limit);
        int index = 4;
        if (filters.repositoryId() != null) {
            spec = spec.bind("$" + index++, filters.repositoryId());
        }
        if (filters.language() != null) {
            spec = spec.bind("$" + index++, filters.language());
        }
        if (filters.filePathPrefix() != null) {
            spec = spec.bind("$" + index, filters.filePathPrefix());
        }
        long[] total = {0};
        return spec.map((row, metadata) -> {
                    total[0] = row.get("total", Long.class);
                    Integer startLine = row.get("start_line", Integer.class);
                    return new SearchResponse.Hit(
                            row.get("id", UUID.class),
                            row.get("repository_id", UUID.class),
                            row.get("file_path", String.class),
                            startLine,
                            row.get("end_line", Integer.class),
                            Snippets.of(
                                    row.get("content", String.class),
                                    startLine,
                                    query.terms(),
                                    properties.snippetLines()),
                            Math.round(row.get("score", Float.class) * 10_000) / 10_000.0);
                })
                .all()
                .collectList()
                .map(hits -> new Page(hits, total[0]));
    }

    private static String key(Filters filters) {
        return (filters.repositoryId() != null ? "r" : "")
                + (filters.language() != null ? "l" : "")
                + (filters.filePathPrefix() != null ? "p" : "");
    }

    private static String sql(Filters filters) {
        StringBuilder sql = new StringBuilder(SELECT);
        int index = 4;
        if (filters.repositoryId() != null) {
            sql.append(" AND repository_id = $").append(index++);
        }
        if (filters.language() != null) {
            sql.append(" AND language = $").append(index++);
        }
        if (filters.filePathPrefix() != null) {
            sql.append(" AND starts_with(file_path, $").append(index).append(")");
        }
        return sql.append(ORDER).toString();
    }
}
