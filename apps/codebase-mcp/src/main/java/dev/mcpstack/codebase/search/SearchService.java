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
 * {@link TermStatistics} (cached, so usually no round trip) decides the {@link SearchPlan}; then one statement
 * fetches the candidates (each channel a GIN lookup with a row cap), sums the weights of the channels that found
 * each, keeps the {@code ranked-candidates} best by that coverage and ranks those by where each unit of the query
 * occurs in them — declared whole (A, 2.5) above declared as a word (B, 1.8) above the body (1), plus 0.6 when in
 * the file path (C) — weighted by the unit's rarity. The factors are small enough that covering more of a
 * sentence's words beats declaring one of them. The count of candidates rides along as the total, exact when the
 * plan says every match was a candidate.
 */
@Service
class SearchService {

    // Candidates are carried by ctid and re-read by TID scans (the rows cannot move within the statement's
    // snapshot): each saves the primary-key index descent per row that joining by id costs.
    private static final String CHANNELS = "WITH channels AS MATERIALIZED (SELECT * FROM unnest(CAST($1 AS text[]),"
            + " CAST($2 AS float8[]), CAST($3 AS int8[]), CAST($4 AS int4[])) AS c(q, w, bit, cap)),"
            + " hits AS (SELECT h.t, c.w, c.bit FROM channels c CROSS JOIN LATERAL (SELECT ctid AS t FROM chunks"
            + " WHERE search_vector @@ CAST(c.q AS tsquery)%s LIMIT c.cap) h),"
            + " candidates AS (SELECT t, sum(w) AS coverage, bit_or(bit) AS mask FROM hits GROUP BY t),"
            + " top AS MATERIALIZED (SELECT t, mask FROM candidates ORDER BY coverage DESC LIMIT $12),"
            // strip() reads each candidate's out-of-line terms from TOAST once, not once per unit tested on them, and
            // only when some unit is tested on them ($13). The ranking vector (MAIN: inline, a few hundred bytes,
            // normally uncompressed) is tested as stored: copying it first cost 1-4 % of the statement
            + " best AS MATERIALIZED (SELECT k.ctid AS t, top.mask, k.file_path, k.start_line, k.rank_vector,"
            + " CASE WHEN CAST($13 AS boolean) THEN strip(k.search_vector) END AS terms"
            + " FROM chunks k JOIN top ON top.t = k.ctid WHERE k.ctid = ANY(ARRAY(SELECT t FROM top))),"
            + " units AS MATERIALIZED (SELECT w, bit, CAST(qa AS tsquery) AS qa, CAST(qb AS tsquery) AS qb,"
            + " CAST(qc AS tsquery) AS qc, CAST(q AS tsquery) AS q FROM unnest(CAST($5 AS float8[]),"
            + " CAST($6 AS int8[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]),"
            + " CAST($11 AS text[])) AS u(w, bit, qa, qb, qc, q)),"
            // a unit a candidate does not hold at all (not in its mask, not in its terms) is neither declared nor in
            // its path there (the ranking vector's terms are some of the search vector's): most units of a sentence
            // are absent from most candidates, and the three ranking tests are skipped for them
            + " ranked AS MATERIALIZED (SELECT b.t, b.file_path, b.start_line, (SELECT sum(CASE"
            + " WHEN b.mask & u.bit <> 0 OR b.terms @@ u.q THEN u.w * (CASE"
            + " WHEN b.rank_vector @@ u.qa THEN 2.5 WHEN b.rank_vector @@ u.qb THEN 1.8 ELSE 1 END"
            + " + CASE WHEN b.rank_vector @@ u.qc THEN 0.6 ELSE 0 END) ELSE 0 END) FROM units u) AS score"
            + " FROM best b ORDER BY score DESC, b.file_path, b.start_line LIMIT $10)"
            + " SELECT k.id, k.repository_id, k.file_path, k.start_line, k.end_line, k.content, r.score,"
            + " (SELECT count(*) FROM candidates) AS total FROM ranked r JOIN chunks k ON k.ctid = r.t"
            + " WHERE k.ctid = ANY(ARRAY(SELECT t FROM ranked))"
            + " ORDER BY r.score DESC, r.file_path, r.start_line";

    /** The SQL for each combination of filters, built once. */
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    private final DatabaseClient database;
    private final TermStatistics statistics;
    private final Spelling spelling;
    private final SearchProperties properties;
    private final SearchSlots slots;
    private final Timer latency;

    SearchService(
            DatabaseClient database,
            TermStatistics statistics,
            Spelling spelling,
            SearchProperties properties,
            SearchSlots slots,
            MeterRegistry registry) {
        this.slots = slots;
        this.database = database;
        this.statistics = statistics;
        this.spelling = spelling;
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

    Mono<SearchResponse> search(SearchQuery query, int limit, Filters filters) {
        // the latency a client sees: the wait for a slot included
        long started = System.nanoTime();
        return slots.run(() -> searchNow(query, limit, filters, started));
    }

    private Mono<SearchResponse> searchNow(SearchQuery query, int limit, Filters filters, long started) {
        return statistics
                .lookUp(query, filters.repositoryId())
                .flatMap(found -> spelling.corrected(query, found, filters.repositoryId()))
                .flatMap(looked -> {
                    SearchPlan plan = SearchPlan.of(looked.query(), looked.found(), properties.candidateBudget());
                    return plan.isEmpty() ? Mono.just(Page.NONE) : page(plan, looked.query(), limit, filters);
                })
                .map(page -> {
                    long nanos = System.nanoTime() - started;
                    latency.record(nanos, TimeUnit.NANOSECONDS);
                    return new SearchResponse(
                            page.hits(), page.total(), page.exact(), Math.round(nanos / 10_000.0) / 100.0);
                });
    }

    private record Page(List<SearchResponse.Hit> hits, long total, boolean exact) {
        static final Page NONE = new Page(List.of(), 0, true);
    }

    private Mono<Page> page(SearchPlan plan, SearchQuery query, int limit, Filters filters) {
        String sql = statements.computeIfAbsent(key(filters), k -> sql(filters));
        DatabaseClient.GenericExecuteSpec spec =
                bind(database.sql(sql), plan, limit, properties.rankedCandidates(), filters);
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
                            Math.round(row.get("score", Double.class) * 10_000) / 10_000.0);
                })
                .all()
                .collectList()
                .map(hits -> plan.exact()
                        ? new Page(hits, total[0], true)
                        : new Page(hits, Math.max(total[0], plan.lowerBound()), false));
    }

    /** Binds the statement of {@link #sql} (also used to explain it in benchmarks). */
    static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement, SearchPlan plan, int limit, int ranked, Filters filters) {
        List<SearchPlan.Channel> channels = plan.channels();
        List<SearchPlan.UnitScore> units = plan.units();
        DatabaseClient.GenericExecuteSpec spec = statement
                .bind("$1", channels.stream().map(SearchPlan.Channel::tsquery).toArray(String[]::new))
                .bind("$2", channels.stream().map(SearchPlan.Channel::weight).toArray(Double[]::new))
                .bind("$3", channels.stream().map(SearchPlan.Channel::bit).toArray(Long[]::new))
                .bind("$4", channels.stream().map(SearchPlan.Channel::cap).toArray(Integer[]::new))
                .bind("$5", units.stream().map(SearchPlan.UnitScore::weight).toArray(Double[]::new))
                .bind("$6", units.stream().map(SearchPlan.UnitScore::bit).toArray(Long[]::new))
                .bind("$7", units.stream().map(SearchPlan.UnitScore::declared).toArray(String[]::new))
                .bind(
                        "$8",
                        units.stream().map(SearchPlan.UnitScore::declaredWord).toArray(String[]::new))
                .bind("$9", units.stream().map(SearchPlan.UnitScore::path).toArray(String[]::new))
                .bind("$10", limit)
                .bind("$11", units.stream().map(SearchPlan.UnitScore::matches).toArray(String[]::new))
                .bind("$12", Math.max(ranked, limit))
                .bind("$13", plan.testsBodies());
        int index = 14;
        if (filters.repositoryId() != null) {
            spec = spec.bind("$" + index++, filters.repositoryId());
        }
        if (filters.language() != null) {
            spec = spec.bind("$" + index++, filters.language());
        }
        if (filters.filePathPrefix() != null) {
            spec = spec.bind("$" + index, filters.filePathPrefix());
        }
        return spec;
    }

    private static String key(Filters filters) {
        return (filters.repositoryId() != null ? "r" : "")
                + (filters.language() != null ? "l" : "")
                + (filters.filePathPrefix() != null ? "p" : "");
    }

    static String sql(Filters filters) {
        StringBuilder where = new StringBuilder();
        int index = 14;
        if (filters.repositoryId() != null) {
            // not indexable on purpose: ANDed with the repository index, the GIN lookup of a few hundred chunks
            // would first read every chunk id of the repository (tens of thousands); the candidate cap bounds it
            where.append(" AND coalesce(repository_id = $").append(index++).append(", false)");
        }
        if (filters.language() != null) {
            where.append(" AND language = $").append(index++);
        }
        if (filters.filePathPrefix() != null) {
            where.append(" AND starts_with(file_path, $").append(index).append(")");
        }
        return String.format(CHANNELS, where);
    }
}
