package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What three changes to search save, measured so that the machine's drift (±40 % within an hour here) cancels out:
 * each query's two variants run one after the other, serially, in alternating order, over the generated repository
 * of {@code SearchBenchmark} (10 000 files, 600 of its queries, every third in a sentence). First the term
 * statistics of each query from the {@link TermDictionary} against the PostgreSQL statement every query with a new
 * word used to need ({@link TermStatisticsSql}); then the search statement against the one before the ranking's
 * early exit for units a candidate does not hold, and against the one that copied every candidate's ranking vector
 * before testing it. The results must be identical. A diagnostic with figures in docs/performance/codebase-mcp.md:
 * {@code ./mvnw -B -o -pl apps/codebase-mcp test -Pbenchmark -Dtest=InterleavedCostBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipImages}.
 */
@Tag("benchmark")
@CodebaseMcpTest(properties = {CodebaseMcpApplication.CONFIG_NAME, "spring.r2dbc.pool.max-acquire-time=10s"})
class InterleavedCostBenchmark {

    @Autowired
    Api api;

    @Autowired
    DatabaseClient database;

    @Autowired
    TermStatistics statistics;

    @Autowired
    SearchProperties properties;

    @Test
    void eachChangeAgainstWhatWasBefore() {
        SyntheticRepository repository = SyntheticRepository.of(42, 10_000);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        repository.writeTarGz(archive);
        new Api(api.client().mutate().responseTimeout(Duration.ofMinutes(5)).build())
                .indexTarGz("ab", archive.toByteArray());
        List<String> texts = new ArrayList<>();
        List<String> plain = repository.searchQueries(600);
        for (int i = 0; i < plain.size(); i++) {
            texts.add(i % 3 == 2 ? "where is the " + plain.get(i) + " handled" : plain.get(i));
        }
        SearchService.Filters filters = new SearchService.Filters(null, null, null);
        String newSql = SearchService.sql(filters);
        // the ranking as it was before the early exit (5443cd3)
        String oldSql = newSql.replace(
                " (SELECT sum(CASE WHEN b.mask & u.bit <> 0 OR b.terms @@ u.q THEN u.w * (CASE"
                        + " WHEN b.rank_vector @@ u.qa THEN 2.5 WHEN b.rank_vector @@ u.qb THEN 1.8 ELSE 1 END"
                        + " + CASE WHEN b.rank_vector @@ u.qc THEN 0.6 ELSE 0 END) ELSE 0 END) FROM units u)",
                " (SELECT sum(u.w * (CASE WHEN b.rank_vector @@ u.qa THEN 2.5 WHEN b.rank_vector @@ u.qb THEN 1.8"
                        + " WHEN b.mask & u.bit <> 0 OR b.terms @@ u.q THEN 1 ELSE 0 END"
                        + " + CASE WHEN b.rank_vector @@ u.qc THEN 0.6 ELSE 0 END)) FROM units u)");
        assertThat(oldSql).isNotEqualTo(newSql);
        List<SearchPlan> plans = new ArrayList<>();
        for (String text : texts) {
            SearchQuery query = SearchQuery.parse(text);
            plans.add(SearchPlan.of(
                    query, statistics.lookUp(query, null).block(Duration.ofSeconds(30)), properties.candidateBudget()));
        }
        for (int round = 0; round < 4; round++) {
            long memory = 0;
            long postgres = 0;
            for (String text : texts) {
                SearchQuery query = SearchQuery.parse(text);
                long start = System.nanoTime();
                statistics.lookUp(query, null).block(Duration.ofSeconds(30));
                memory += System.nanoTime() - start;
                start = System.nanoTime();
                TermStatisticsSql.lookUp(database, TermStatistics.keys(query, TermDictionaries.ALL_REPOSITORIES), null)
                        .block(Duration.ofSeconds(30));
                postgres += System.nanoTime() - start;
            }
            System.out.printf(
                    "[ab] statistics round %d: dictionary %.3f ms/search, PostgreSQL statement %.3f ms/search%n",
                    round, memory / 1e6 / texts.size(), postgres / 1e6 / texts.size());
        }
        compare("early exit", oldSql, newSql, plans, filters);
        // the ranking as it was before its vectors were used as stored (they were copied with || first)
        String copiedSql = newSql.replace(
                " k.start_line, k.rank_vector,",
                " k.start_line, k.rank_vector || CAST('' AS tsvector) AS rank_vector,");
        assertThat(copiedSql).isNotEqualTo(newSql);
        compare("ranking vectors as stored", copiedSql, newSql, plans, filters);
    }

    /** Runs each plan through both statements, one after the other in alternating order; both must find the same. */
    private void compare(
            String change, String oldSql, String newSql, List<SearchPlan> plans, SearchService.Filters filters) {
        for (int round = 0; round < 6; round++) {
            long[] nanos = new long[2];
            int differing = 0;
            for (int i = 0; i < plans.size(); i++) {
                List<String> results = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    int variant = (i + k + round) % 2;
                    long start = System.nanoTime();
                    List<String> rows = SearchService.bind(
                                    database.sql(variant == 0 ? oldSql : newSql),
                                    plans.get(i),
                                    10,
                                    properties.rankedCandidates(),
                                    filters)
                            .map((row, metadata) -> row.get("file_path", String.class) + ":"
                                    + row.get("start_line", Integer.class) + "=" + row.get("score", Double.class))
                            .all()
                            .collectList()
                            .block(Duration.ofSeconds(30));
                    nanos[variant] += System.nanoTime() - start;
                    results.add(variant + String.valueOf(rows));
                }
                if (!results.get(0).substring(1).equals(results.get(1).substring(1))) {
                    differing++;
                }
            }
            System.out.printf(
                    "[ab] %s, round %d: before %.3f ms/search, after %.3f ms/search, ratio %.3f, differing results %d%n",
                    change,
                    round,
                    nanos[0] / 1e6 / plans.size(),
                    nanos[1] / 1e6 / plans.size(),
                    (double) nanos[1] / nanos[0],
                    differing);
            assertThat(differing)
                    .as("queries whose results the change (%s) changed", change)
                    .isZero();
        }
    }
}
