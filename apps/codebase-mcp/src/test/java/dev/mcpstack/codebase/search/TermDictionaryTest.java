package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TermDictionaryTest {

    private static final UUID REPOSITORY = UUID.randomUUID();

    private final TermDictionary dictionary = TermDictionary.of(
            List.of(
                    new TermDictionary.Row("authenticate", 7),
                    new TermDictionary.Row("=authenticate", 2),
                    new TermDictionary.Row("authentication", 3),
                    new TermDictionary.Row("authenticationservice", 1),
                    new TermDictionary.Row("=authenticationservice", 1),
                    new TermDictionary.Row("=ghost", 4),
                    new TermDictionary.Row("author", 5),
                    new TermDictionary.Row("parse", 9)),
            40,
            "1/0/40");

    @Test
    void anExactTermCarriesItsChunksAndDeclaringChunks() {
        assertThat(dictionary.terms(key(TermStatistics.Source.EXACT, "authenticate")))
                .containsExactly(term("authenticate", TermStatistics.Source.EXACT, "authenticate", 7, 2));
        assertThat(dictionary.terms(key(TermStatistics.Source.EXACT, "login"))).isEmpty();
        // a declaration marker whose term never occurs plainly is not a term
        assertThat(dictionary.holds("ghost")).isFalse();
        assertThat(dictionary.totalChunks()).isEqualTo(40);
        assertThat(dictionary.size()).isEqualTo(5);
    }

    @Test
    void inflectionsAreTheHeldFormsWithTheSameStem() {
        assertThat(dictionary.terms(key(TermStatistics.Source.INFLECTION, "authenticating")))
                .extracting(TermStatistics.Term::term)
                .containsExactlyInAnyOrder("authenticate", "authentication");
        assertThat(dictionary.terms(key(TermStatistics.Source.INFLECTION, "parsing")))
                .extracting(TermStatistics.Term::term)
                .containsExactly("parse");
        // author shares letters, not a stem
        assertThat(dictionary.terms(key(TermStatistics.Source.INFLECTION, "authentication")))
                .extracting(TermStatistics.Term::term)
                .containsExactly("authenticate");
    }

    @Test
    void completionsFollowThePrefixInTermOrderWithoutThePrefixItself() {
        assertThat(dictionary.terms(key(TermStatistics.Source.PREFIX, "authent")))
                .extracting(TermStatistics.Term::term)
                .containsExactly("authenticate", "authentication", "authenticationservice");
        assertThat(dictionary.terms(key(TermStatistics.Source.PREFIX, "authenticate")))
                .isEmpty();
    }

    @Test
    void completionsStopAtThePrefixScan() {
        List<TermDictionary.Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new TermDictionary.Row("value" + (1000 + i), 1));
        }
        rows.add(new TermDictionary.Row("valuf", 1));
        TermDictionary many = TermDictionary.of(rows, 200, "1/0/200");

        assertThat(many.terms(key(TermStatistics.Source.PREFIX, "value")))
                .hasSize(TermStatisticsSql.PREFIX_SCAN)
                .extracting(TermStatistics.Term::term)
                .startsWith("value1000", "value1001");
    }

    private static TermStatistics.Key key(TermStatistics.Source source, String unit) {
        return new TermStatistics.Key(REPOSITORY, source, unit);
    }

    private static TermStatistics.Term term(
            String unit, TermStatistics.Source source, String term, long chunks, long declaring) {
        return new TermStatistics.Term(unit, source, term, chunks, declaring);
    }
}
