package dev.mcpstack.codebase.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A word's inflections the index may hold ({@code authentication} ~ {@code authenticate}): its Snowball English stem
 * (Lucene's port of the algorithm PostgreSQL's {@code english_stem} runs) plus a common English suffix, kept when
 * the form differs from the word and stems back to the same stem, so the stemmer, not the suffix list, decides.
 * Stemmed in the JVM, not in PostgreSQL, so that a query of words not seen before needs no round trip.
 */
final class Inflections {

    private static final List<String> SUFFIXES = List.of(
            "",
            "e",
            "s",
            "es",
            "ed",
            "ing",
            "er",
            "ers",
            "ion",
            "ions",
            "ation",
            "ations",
            "ate",
            "ated",
            "ates",
            "ating",
            "ator",
            "ators",
            "icate",
            "icated",
            "icates",
            "icating",
            "ication",
            "ications",
            "icator",
            "ment",
            "ments",
            "y",
            "ies",
            "ied",
            "ize",
            "ized",
            "izes",
            "izing",
            "ization",
            "al",
            "ally",
            "ly",
            "ity",
            "ive",
            "able",
            "ness");

    private Inflections() {}

    /**
     * The inflections of {@code word} for which {@code held} is true (asked before stemming them: most forms are
     * not in the index, and a lookup costs less than a stem).
     */
    static List<String> of(String word, Predicate<String> held) {
        // the stemmer keeps state between calls; one per lookup keeps it off shared threads
        EnglishStemmer stemmer = new EnglishStemmer();
        String stem = stem(stemmer, word);
        List<String> forms = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            String form = stem + suffix;
            if (!form.equals(word) && held.test(form) && stem(stemmer, form).equals(stem)) {
                forms.add(form);
            }
        }
        return forms;
    }

    private static String stem(EnglishStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
