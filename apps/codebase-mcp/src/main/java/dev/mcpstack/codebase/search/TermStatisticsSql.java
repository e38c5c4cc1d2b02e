package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The one statement behind {@link TermStatistics}' cache misses, for repositories too large for a
 * {@link TermDictionary}: the same lookups, in {@code term_stats}. Inflections are the forms {@link Inflections}
 * makes, those the index holds kept. Completions of a prefix: the first {@link #PREFIX_SCAN} terms in term order.
 */
final class TermStatisticsSql {

    /** Terms a prefix may complete to: looked at in term order, the most frequent kept. */
    static final int PREFIX_SCAN = 64;

    private static final String ONE_REPOSITORY = sql(true);
    private static final String ALL_REPOSITORIES = sql(false);

    private TermStatisticsSql() {}

    /** The rows found for {@code keys}; the total is the number of chunks searched. */
    static Mono<TermStatistics.Found> lookUp(
            DatabaseClient database, List<TermStatistics.Key> keys, @Nullable UUID repositoryId) {
        return bind(database.sql(repositoryId != null ? ONE_REPOSITORY : ALL_REPOSITORIES), keys, repositoryId)
                .map((row, metadata) -> new TermStatistics.Term(
                        row.get("unit", String.class),
                        TermStatistics.Source.values()[Math.max(0, row.get("source", Integer.class))],
                        row.get("term", String.class),
                        row.get("chunks", Long.class),
                        row.get("declaring", Long.class)))
                .all()
                .collectList()
                .map(rows -> {
                    long total = 0;
                    List<TermStatistics.Term> terms = new ArrayList<>(rows.size());
                    for (TermStatistics.Term row : rows) {
                        if (row.unit().isEmpty()) {
                            total = row.chunks();
                        } else {
                            terms.add(row);
                        }
                    }
                    return new TermStatistics.Found(terms, total);
                });
    }

    /** Binds the statement of {@link #sql} (also used to explain it in benchmarks). */
    static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement, List<TermStatistics.Key> keys, @Nullable UUID repositoryId) {
        List<List<String>> bySource = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> forms = new ArrayList<>();
        for (TermStatistics.Key key : keys) {
            if (key.source() == TermStatistics.Source.INFLECTION) {
                for (String form : Inflections.of(key.unit(), candidate -> true)) {
                    bySource.get(key.source().ordinal()).add(key.unit());
                    forms.add(form);
                }
            } else {
                bySource.get(key.source().ordinal()).add(key.unit());
            }
        }
        DatabaseClient.GenericExecuteSpec spec = statement
                .bind("$1", bySource.get(0).toArray(String[]::new))
                .bind("$2", bySource.get(1).toArray(String[]::new))
                .bind("$3", bySource.get(2).toArray(String[]::new))
                .bind("$4", CodeTokens.DECLARED)
                .bind("$5", forms.toArray(String[]::new));
        return repositoryId == null ? spec : spec.bind("$6", repositoryId);
    }

    /** The statement's first row (source -1) carries the number of chunks searched. */
    static String sql(boolean oneRepository) {
        String repository = oneRepository ? " AND t.repository_id = $6" : "";
        return "WITH found AS ("
                + " SELECT e.unit, 0 AS source, e.unit AS term FROM unnest(CAST($1 AS text[])) AS e(unit)"
                + " UNION ALL SELECT i.unit, 1, i.form FROM unnest(CAST($2 AS text[]), CAST($5 AS text[])) AS"
                + "  i(unit, form)"
                + " UNION ALL SELECT p.unit, 2, x.term FROM unnest(CAST($3 AS text[])) AS p(unit)"
                + "  CROSS JOIN LATERAL (SELECT DISTINCT t.term FROM term_stats t WHERE t.term > p.unit"
                + "  AND t.term < p.unit || chr(1114111)" + repository + " ORDER BY t.term LIMIT " + PREFIX_SCAN + ") x"
                + ")"
                + " SELECT '' AS unit, -1 AS source, '' AS term, coalesce(sum(r.chunk_count), 0)::int8 AS chunks,"
                + "  0::int8 AS declaring FROM repositories r" + (oneRepository ? " WHERE r.id = $6" : "")
                + " UNION ALL SELECT f.unit, f.source, f.term, c.chunks, coalesce(d.chunks, 0)::int8 FROM found f"
                + "  CROSS JOIN LATERAL (SELECT sum(t.chunk_count)::int8 AS chunks FROM term_stats t"
                + "  WHERE t.term = f.term" + repository + ") c"
                + "  LEFT JOIN LATERAL (SELECT sum(t.chunk_count)::int8 AS chunks FROM term_stats t"
                + "  WHERE t.term = $4 || f.term" + repository + ") d ON true"
                + " WHERE c.chunks IS NOT NULL";
    }
}
