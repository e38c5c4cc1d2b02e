package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void variantsAreOneAdjacentSwapOrOneDeletedLetterAway() {
        assertThat(Spelling.variants("likned"))
                .contains("linked", "liked", "likne")
                .doesNotContain("likned");
        assertThat(Spelling.variants("bufffer")).contains("buffer");
    }

    @Test
    void theMostFrequentVariantTheIndexHoldsReplacesTheWordWhereverItIsTyped() {
        SearchQuery query = SearchQuery.parse("LiknedList likned list");

        String corrected =
                Spelling.corrected(query, List.of("likned"), Map.of("linked", 40L, "liked", 3L, "list", 90L));

        assertThat(corrected).isEqualTo("linkedList linked list");
    }

    @Test
    void aWordWithNoVariantFoundStaysAsTyped() {
        SearchQuery query = SearchQuery.parse("xylophone");

        assertThat(Spelling.corrected(query, List.of("xylophone"), Map.of())).isNull();
    }
}
