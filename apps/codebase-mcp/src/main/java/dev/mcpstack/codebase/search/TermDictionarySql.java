package dev.mcpstack.codebase.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The statement that loads a {@link TermDictionary}: a repository's {@code term_stats}, or all of them summed. */
final class TermDictionarySql {

    // the first row (an empty term, never indexed) carries the number of chunks searched
    private static final String ONE_REPOSITORY = "SELECT '' AS term, coalesce(sum(chunk_count), 0)::int8 AS chunks"
            + " FROM repositories WHERE id = $1"
            + " UNION ALL (SELECT term, chunk_count::int8 FROM term_stats WHERE repository_id = $1 LIMIT $2)";
    private static final String ALL_REPOSITORIES = "SELECT '' AS term, coalesce(sum(chunk_count), 0)::int8 AS chunks"
            + " FROM repositories"
            + " UNION ALL (SELECT term, sum(chunk_count)::int8 FROM term_stats GROUP BY term LIMIT $1)";

    private TermDictionarySql() {}

    /**
     * The dictionary of one repository, or of all ({@code repositoryId} null); {@link TermDictionary#TOO_LARGE} when
     * it has more than {@code maxTerms} terms (declared markers counted, so at most that many rows are read).
     */
    static Mono<TermDictionary> load(DatabaseClient database, @Nullable UUID repositoryId, int maxTerms) {
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
                        return TermDictionary.TOO_LARGE;
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
                    return TermDictionary.of(terms, total);
                });
    }
}
