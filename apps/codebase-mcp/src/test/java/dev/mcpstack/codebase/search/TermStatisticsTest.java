package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The in-memory {@link TermDictionary} answers every lookup as {@code term_stats} in PostgreSQL does
 * ({@link TermStatisticsSql}, the path of repositories too large to hold): the same terms, counts and totals for
 * identifiers, words, sentences, partial and misspelt words of a generated repository, in it and across all.
 */
@CodebaseMcpTest(properties = {CodebaseMcpApplication.CONFIG_NAME, "spring.r2dbc.pool.max-acquire-time=10s"})
class TermStatisticsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static @Nullable UUID repositoryId;

    @Autowired
    Api api;

    @Autowired
    TermStatistics statistics;

    @Autowired
    TermDictionaries dictionaries;

    @Autowired
    DatabaseClient database;

    @BeforeEach
    void indexOnce() {
        if (repositoryId == null) {
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            SyntheticRepository.of(11, 300).writeTarGz(archive);
            Api patient = new Api(
                    api.client().mutate().responseTimeout(Duration.ofMinutes(1)).build());
            repositoryId = UUID.fromString((String) patient.indexTarGz(Api.uniqueName("terms"), archive.toByteArray())
                    .get("repository_id"));
        }
    }

    @Test
    void theDictionaryFindsWhatPostgresFinds() {
        List<String> queries = new ArrayList<>(SyntheticRepository.of(11, 300).searchQueries(40));
        queries.addAll(List.of(
                "where is the invoice ledger validated",
                "parsing payments",
                "reconcil",
                "paymnet refund",
                "validating totals of an invoice",
                "get set value"));
        for (String text : queries) {
            SearchQuery query = SearchQuery.parse(text);
            assertThat(query).as(text).isNotNull();
            for (UUID repository : new UUID[] {repositoryId, null}) {
                TermStatistics.Found inMemory =
                        statistics.lookUp(query, repository).block(TIMEOUT);
                TermStatistics.Found inPostgres = TermStatisticsSql.lookUp(
                                database, TermStatistics.keys(query, key(repository)), repository)
                        .block(TIMEOUT);
                assertThat(inMemory).as(text).isNotNull();
                assertThat(inPostgres).as(text).isNotNull();
                assertThat(inMemory.totalChunks())
                        .as(text)
                        .isEqualTo(inPostgres.totalChunks())
                        .isPositive();
                assertThat(found(inMemory)).as(text).isEqualTo(found(inPostgres));
            }
        }
    }

    @Test
    void aQueryOfKnownWordsFindsTermsWithCounts() {
        TermStatistics.Found found = statistics
                .lookUp(
                        SearchQuery.parse(
                                SyntheticRepository.of(11, 300).searchQueries(1).get(0)),
                        repositoryId)
                .block(TIMEOUT);

        assertThat(found).isNotNull();
        assertThat(found.terms())
                .isNotEmpty()
                .allSatisfy(term -> assertThat(term.chunks()).isPositive());
    }

    @Test
    void aRepositoryIndexedHereIsInTheDictionaryAtOnce() {
        String word = uniqueWord("zebra");
        SearchQuery query = SearchQuery.parse(word);
        assertThat(statistics.lookUp(query, null).block(TIMEOUT).terms()).isEmpty();

        byte[] archive = TarArchiveBuilder.create()
                .file("src/" + word + ".py", "def " + word + "():\n    return 1\n")
                .toTarGz();
        api.indexTarGz(Api.uniqueName("fresh"), archive);

        assertThat(statistics.lookUp(query, null).block(TIMEOUT).terms())
                .extracting(TermStatistics.Term::term)
                .contains(word);
    }

    @Test
    void aRefreshReloadsOnlyWhatIndexingChanged() {
        TermDictionary repository = dictionaries.of(repositoryId).block(TIMEOUT);
        TermDictionary all = dictionaries.of(TermDictionaries.ALL_REPOSITORIES).block(TIMEOUT);
        assertThat(repository).isNotNull();
        assertThat(all).isNotNull();
        assertThat(dictionaries.refreshed(repositoryId, repository).block(TIMEOUT))
                .isSameAs(repository);

        String word = uniqueWord("okapi");
        api.indexTarGz(
                Api.uniqueName("other"),
                TarArchiveBuilder.create()
                        .file("src/" + word + ".py", "def " + word + "():\n    return 2\n")
                        .toTarGz());

        assertThat(dictionaries.refreshed(repositoryId, repository).block(TIMEOUT))
                .isSameAs(repository);
        TermDictionary again =
                dictionaries.refreshed(TermDictionaries.ALL_REPOSITORIES, all).block(TIMEOUT);
        assertThat(again).isNotSameAs(all);
        assertThat(again.version()).isNotEqualTo(all.version());
        assertThat(again.holds(word)).isTrue();
        assertThat(all.holds(word)).isFalse();
    }

    /** A word no other test indexes: letters only, unique per run. */
    private static String uniqueWord(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
    }

    /** Each found term once, however many ways it was found (the SQL's raw rows may repeat one). */
    private static Set<String> found(TermStatistics.Found found) {
        return found.terms().stream()
                .map(term -> term.unit() + " " + term.term() + " " + term.chunks() + " " + term.declaringChunks())
                .collect(Collectors.toSet());
    }

    private static UUID key(@Nullable UUID repository) {
        return repository == null ? new UUID(0, 0) : repository;
    }
}
