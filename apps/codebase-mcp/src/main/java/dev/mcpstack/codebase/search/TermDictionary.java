package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every term of one repository's {@code term_stats} (or of all repositories, summed) in memory: sorted terms, each
 * with its chunk count and how many chunks declare it, so that {@link TermStatistics} answers any lookup — exact
 * form, inflections, completions of a prefix, spelling variants — without a round trip. Arrays rather than a map:
 * about 60 bytes a term, a binary search per lookup.
 *
 * <p>{@link #tooLarge(String)} stands for a repository whose terms exceed the configured bound; its lookups go to
 * PostgreSQL ({@link TermStatisticsSql}). Each dictionary carries the version of the repositories it was loaded for
 * ({@link TermDictionarySql#version}), so a refresh reloads only what indexing changed.
 */
final class TermDictionary {

    /** One row of {@code term_stats} summed over the repositories read; declared terms carry the marker. */
    record Row(String term, long chunks) {}

    private final String[] terms;
    private final long[] chunks;
    private final long[] declaring;
    private final long totalChunks;
    private final String version;
    private final boolean tooLarge;

    private TermDictionary(
            String[] terms, long[] chunks, long[] declaring, long totalChunks, String version, boolean tooLarge) {
        this.terms = terms;
        this.chunks = chunks;
        this.declaring = declaring;
        this.totalChunks = totalChunks;
        this.version = version;
        this.tooLarge = tooLarge;
    }

    /** A repository (of this version) with more terms than are held in memory: nothing is found here. */
    static TermDictionary tooLarge(String version) {
        return new TermDictionary(new String[0], new long[0], new long[0], 0, version, true);
    }

    /** The dictionary of {@code rows} (in any order); a declared term without plain occurrences counts nowhere. */
    static TermDictionary of(List<Row> rows, long totalChunks, String version) {
        List<Row> plain = new ArrayList<>(rows.size());
        List<Row> declared = new ArrayList<>();
        for (Row row : rows) {
            if (row.term().startsWith(CodeTokens.DECLARED)) {
                declared.add(new Row(row.term().substring(CodeTokens.DECLARED.length()), row.chunks()));
            } else {
                plain.add(row);
            }
        }
        plain.sort(Comparator.comparing(Row::term));
        String[] terms = new String[plain.size()];
        long[] chunks = new long[plain.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = plain.get(i).term();
            chunks[i] = plain.get(i).chunks();
        }
        long[] declaring = new long[terms.length];
        for (Row row : declared) {
            int index = Arrays.binarySearch(terms, row.term());
            if (index >= 0) {
                declaring[index] = row.chunks();
            }
        }
        return new TermDictionary(terms, chunks, declaring, totalChunks, version, false);
    }

    boolean tooLarge() {
        return tooLarge;
    }

    String version() {
        return version;
    }

    int size() {
        return terms.length;
    }

    long totalChunks() {
        return totalChunks;
    }

    boolean holds(String term) {
        return Arrays.binarySearch(terms, term) >= 0;
    }

    /** What {@code key} finds, as {@link TermStatisticsSql} would: a unit's exact form, inflections or completions. */
    List<TermStatistics.Term> terms(TermStatistics.Key key) {
        String unit = key.unit();
        return switch (key.source()) {
            case EXACT -> {
                int index = Arrays.binarySearch(terms, unit);
                yield index < 0 ? List.of() : List.of(term(unit, key.source(), index));
            }
            case INFLECTION ->
                Inflections.of(unit, this::holds).stream()
                        .map(form -> term(unit, key.source(), Arrays.binarySearch(terms, form)))
                        .toList();
            case PREFIX -> completions(unit);
        };
    }

    /** The first {@link TermStatisticsSql#PREFIX_SCAN} terms after {@code prefix} that start with it, in order. */
    private List<TermStatistics.Term> completions(String prefix) {
        int index = Arrays.binarySearch(terms, prefix);
        int from = index >= 0 ? index + 1 : -index - 1;
        List<TermStatistics.Term> found = new ArrayList<>();
        for (int i = from;
                i < terms.length && found.size() < TermStatisticsSql.PREFIX_SCAN && terms[i].startsWith(prefix);
                i++) {
            found.add(term(prefix, TermStatistics.Source.PREFIX, i));
        }
        return found;
    }

    private TermStatistics.Term term(String unit, TermStatistics.Source source, int index) {
        return new TermStatistics.Term(unit, source, terms[index], chunks[index], declaring[index]);
    }
}
