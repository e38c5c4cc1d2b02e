package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Looks up, in one round trip, what the index holds for a query's units (table {@code term_stats}): each unit's
 * chunk count, its inflections that occur (PostgreSQL's English Snowball stemmer decides: {@code authentication} and
 * {@code authenticate} both stem to {@code authent}), the terms a final partial word may complete to, and how many
 * chunks declare each term. Candidate forms of an inflection are the stem plus a common English suffix; only those
 * the index holds and that stem back to the same stem are kept, so the stemmer, not this list, decides.
 */
@Component
class TermStatistics {

    /** Terms a prefix may complete to: looked at in term order, the most frequent kept. */
    static final int PREFIX_SCAN = 64;

    private static final String SUFFIXES = "'','e','s','es','ed','ing','er','ers','ion','ions','ation','ations','ate',"
            + "'ated','ates','ating','ator','ators','icate','icated','icates','icating','ication','ications',"
            + "'icator','ment','ments','y','ies','ied','ize','ized','izes','izing','ization','al','ally','ly','ity',"
            + "'ive','able','ness'";

    /** Per filter shape ({@code r}: one repository), the statement. */
    private final Map<Boolean, String> statements = new ConcurrentHashMap<>();

    private final DatabaseClient database;

    TermStatistics(DatabaseClient database) {
        this.database = database;
    }

    /** What one term of a unit is: the unit's own text, an inflection of it, or a completion of its prefix. */
    enum Source {
        EXACT,
        INFLECTION,
        PREFIX
    }

    record Term(String unit, Source source, String term, long chunks, long declaringChunks) {}

    /** The terms found, and how many chunks the searched repositories hold. */
    record Found(List<Term> terms, long totalChunks) {}

    Mono<Found> lookUp(SearchQuery query, @Nullable UUID repositoryId) {
        String sql = statements.computeIfAbsent(repositoryId != null, TermStatistics::sql);
        return bind(database.sql(sql), query, repositoryId)
                .map((row, metadata) -> new Term(
                        row.get("unit", String.class),
                        Source.values()[Math.max(0, row.get("source", Integer.class))],
                        row.get("term", String.class),
                        row.get("chunks", Long.class),
                        row.get("declaring", Long.class)))
                .all()
                .collectList()
                .map(TermStatistics::found);
    }

    /** Binds the statement of {@link #sql} (also used to explain it in benchmarks). */
    static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement, SearchQuery query, @Nullable UUID repositoryId) {
        List<String> exact = new ArrayList<>();
        List<String> inflect = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (SearchQuery.Unit unit : query.units()) {
            exact.add(unit.text());
            if (unit.kind() != SearchQuery.Unit.Kind.PHRASE && unit.text().length() >= 3) {
                inflect.add(unit.text());
            }
            if (unit.prefix()) {
                prefixes.add(unit.text());
            }
        }
        DatabaseClient.GenericExecuteSpec spec = statement
                .bind("$1", exact.toArray(String[]::new))
                .bind("$2", inflect.toArray(String[]::new))
                .bind("$3", prefixes.toArray(String[]::new))
                .bind("$4", CodeTokens.DECLARED);
        return repositoryId == null ? spec : spec.bind("$5", repositoryId);
    }

    /** The statement's first row (source -1) carries the number of chunks searched. */
    private static Found found(List<Term> rows) {
        long total = 0;
        List<Term> terms = new ArrayList<>(rows.size());
        Map<String, Boolean> seen = new HashMap<>();
        for (Term row : rows) {
            if (row.unit().isEmpty()) {
                total = row.chunks();
            } else if (seen.putIfAbsent(row.unit() + ' ' + row.term(), true) == null) {
                terms.add(row);
            }
        }
        return new Found(terms, total);
    }

    static String sql(boolean oneRepository) {
        String repository = oneRepository ? " AND t.repository_id = $5" : "";
        return "WITH found AS ("
                + " SELECT e.unit, 0 AS source, e.unit AS term FROM unnest(CAST($1 AS text[])) AS e(unit)"
                + " UNION ALL SELECT w.unit, 1, w.stem || s.suffix FROM (SELECT unit,"
                + "  coalesce((ts_lexize('english_stem', unit))[1], unit) AS stem FROM unnest(CAST($2 AS text[])) AS"
                + "  i(unit)) w CROSS JOIN unnest(ARRAY[" + SUFFIXES + "]) AS s(suffix)"
                + "  WHERE w.stem || s.suffix <> w.unit"
                + "  AND coalesce((ts_lexize('english_stem', w.stem || s.suffix))[1], '') = w.stem"
                + " UNION ALL SELECT p.unit, 2, x.term FROM unnest(CAST($3 AS text[])) AS p(unit)"
                + "  CROSS JOIN LATERAL (SELECT DISTINCT t.term FROM term_stats t WHERE t.term > p.unit"
                + "  AND t.term < p.unit || chr(1114111)" + repository + " ORDER BY t.term LIMIT " + PREFIX_SCAN + ") x"
                + ")"
                + " SELECT '' AS unit, -1 AS source, '' AS term, coalesce(sum(r.chunk_count), 0)::int8 AS chunks,"
                + "  0::int8 AS declaring FROM repositories r" + (oneRepository ? " WHERE r.id = $5" : "")
                + " UNION ALL SELECT f.unit, f.source, f.term, c.chunks, coalesce(d.chunks, 0)::int8 FROM found f"
                + "  CROSS JOIN LATERAL (SELECT sum(t.chunk_count)::int8 AS chunks FROM term_stats t"
                + "  WHERE t.term = f.term" + repository + ") c"
                + "  LEFT JOIN LATERAL (SELECT sum(t.chunk_count)::int8 AS chunks FROM term_stats t"
                + "  WHERE t.term = $4 || f.term" + repository + ") d ON true"
                + " WHERE c.chunks IS NOT NULL";
    }
}
