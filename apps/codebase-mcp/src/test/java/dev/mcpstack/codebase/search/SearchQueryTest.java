package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void functionWordsThatArePartsOfIdentifiersJoinPhrasesButAreNoWords() {
        SearchQuery query = SearchQuery.parse("read all lines of a file");

        assertThat(texts(query)).contains("read", "lines", "file", "readalllines", "alllines", "linesof");
        assertThat(texts(query)).doesNotContain("all", "of", "a", "linesofafile", "ofa");
    }

    @Test
    void otherFunctionWordsBreakPhrases() {
        SearchQuery query = SearchQuery.parse("where is the hash map");

        assertThat(texts(query)).contains("hash", "map", "hashmap").doesNotContain("thehash", "where", "the");
    }

    @Test
    void aQueryOfFunctionWordsOnlySearchesForThem() {
        assertThat(texts(SearchQuery.parse("to be or not"))).contains("to", "be", "or", "not");
    }

    @Test
    void theLastWordAndThePhrasesEndingInItMayBePrefixes() {
        SearchQuery query = SearchQuery.parse("starts with");

        assertThat(query.units())
                .filteredOn(SearchQuery.Unit::prefix)
                .extracting(SearchQuery.Unit::text)
                .containsExactly("startswith");
    }

    private static List<String> texts(SearchQuery query) {
        return query.units().stream().map(SearchQuery.Unit::text).toList();
    }
}
