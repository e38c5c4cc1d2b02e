package dev.mcpstack.codebase.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The statements behind a {@link TermDictionary}: the version of what it holds, and the load of a repository's
 * {@code term_stats}, or all of them summed.
 */
final class TermDictionarySql {

    // the first row (an empty term, never indexed) carries the number of chunks searched
    private static final String ONE_REPOSITORY = "SELECT '' AS term, coalesce(sum(chunk_count), 0)::int8 AS chunks"
            + " FROM repositories WHERE id = $1"
            + " UNION ALL (SELECT term, chunk_count::int8 FROM term_stats WHERE repository_id = $1 LIMIT $2)";
    private static final String ALL_REPOSITORIES = "SELECT '' AS term, coalesce(sum(chunk_count), 0)::int8 AS chunks"
            + " FROM repositories"
            + " UNION ALL (SELECT term, sum(chunk_count)::int8 FROM term_stats GROUP BY term LIMIT $1)";

    // every index run sets indexed_at to its own (later) time and a deletion changes the count: the version changes
    // whenever term_stats may have
    private static final String VERSION = "SELECT count(*) || '/' || coalesce(sum(extract(epoch FROM indexed_at)), 0)"
            + " || '/' || coalesce(sum(chunk_count), 0) AS version FROM repositories";

    private TermDictionarySql() {}

    /** What the dictionary of one repository, or of all ({@code repositoryId} null), would be loaded from. */
    static Mono<String> version(DatabaseClient database, @Nullable UUID repositoryId) {
        DatabaseClient.GenericExecuteSpec statement = repositoryId == null
                ? database.sql(VERSION)
                : database.sql(VERSION + " WHERE id = $1").bind("$1", repositoryId);
        return statement
                .map((row, metadata) -> row.get("version", String.class))
                .one();
    }

    /**
     * The dictionary of one repository, or of all ({@code repositoryId} null), of {@code version} (read before);
     * {@link TermDictionary#tooLarge} when it has more than {@code maxTerms} terms (declared markers counted, so at
     * most that many rows are read).
     */
    static Mono<TermDictionary> load(
            DatabaseClient database, @Nullable UUID repositoryId, int maxTerms, String version) {
        DatabaseClient.GenericExecuteSpec statement = repositoryId == null
                ? database.sql(ALL_REPOSITORIES).bind("$1", maxTerms + 1)
                : database.sql(ONE_REPOSITORY).bind("$1", repositoryId).bind("$2", maxTerms + 1);
        return statement
                .map((row, metadata) ->
                        new TermDictionary.Row(row.get("term", String.class), row.get("chunks", Long.class)))
                .all()
                .collectList()
                // sorting up to a million terms is no work for an event-loop thread
                .publishOn(Schedulers.boundedElastic())
                .map(rows -> {
                    if (rows.size() > maxTerms + 1) {
                        return TermDictionary.tooLarge(version);
                    }
                    long total = 0;
                    List<TermDictionary.Row> terms = new ArrayList<>(rows.size());
                    for (TermDictionary.Row row : rows) {
                        if (row.term().isEmpty()) {
                            total = row.chunks();
                        } else {
                            terms.add(row);
                        }
                    }
                    return TermDictionary.of(terms, total, version);
                });
    }
}
