package dev.mcpstack.codebase.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchVectorTest {

    private static final String CODE = "// Returns whether the list is empty: all of this is a comment\n"
            + "public boolean isEmpty() {\n"
            + "    return size == 0;\n"
            + "}\n";

    @Test
    void functionWordsAreNotIndexedButTheIdentifiersTheyFormAre() {
        TermCounts counts = new TermCounts(64);
        List<String> lexemes = searchVector(CODE, counts);

        assertThat(lexemes).contains("'isempty'", "'empty'", "'=isempty'", "'list'", "'comment'", "'whether'");
        assertThat(lexemes).doesNotContain("'the'", "'is'", "'all'", "'of'", "'this'");
        String terms = new String(counts.copyRows("r"), StandardCharsets.UTF_8);
        assertThat(terms).contains("\tisempty\t1\n", "\tempty\t1\n").doesNotContain("\tthe\t", "\tis\t", "\tof\t");
    }

    /** The lexemes of the full search vector: the last COPY column. */
    private static List<String> searchVector(String content, TermCounts counts) {
        CopyRows rows = new CopyRows(1024);
        new SearchVector(counts).write(List.of("src"), "list", content, 0, content.length(), rows);
        rows.endRow();
        String row = new String(rows.drain(), StandardCharsets.UTF_8).strip();
        String[] columns = row.split("\t", -1);
        return Arrays.stream(columns[columns.length - 1].split(" ")).toList();
    }
}
