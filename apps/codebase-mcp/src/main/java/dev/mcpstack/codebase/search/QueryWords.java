package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.FunctionWords;
import java.util.Set;

/**
 * Words of a query that say little about the code sought: English function words ({@link FunctionWords}, not
 * indexed either), dropped, and the words people
 * use to talk about code ({@code where is the authentication logic}, {@code function authentication}), kept only
 * for when a query has nothing else. Hand-listed because PostgreSQL's English stop-word list has no code-talk.
 */
final class QueryWords {

    private static final Set<String> FILLER = Set.of(
            "class",
            "classes",
            "code",
            "codes",
            "defined",
            "definition",
            "example",
            "find",
            "function",
            "functions",
            "implement",
            "implementation",
            "implementations",
            "implemented",
            "implementing",
            "implements",
            "located",
            "logic",
            "method",
            "methods",
            "show",
            "snippet",
            "somewhere",
            "thing",
            "things",
            "work",
            "works");

    /**
     * Function words that are also parts of identifiers ({@code to string} → toString, {@code read all lines} →
     * readAllLines, {@code is empty}, {@code index of}, {@code starts with}): no unit of their own, but they join
     * the words around them into phrases.
     */
    private static final Set<String> JOINERS = Set.of(
            "all", "any", "and", "as", "at", "by", "can", "do", "each", "for", "from", "has", "if", "in", "into", "is",
            "no", "not", "of", "on", "or", "to", "with");

    private QueryWords() {}

    static boolean isJoiner(String word) {
        return JOINERS.contains(word);
    }

    static boolean isStopWord(String word) {
        return FunctionWords.contains(word);
    }

    static boolean isFiller(String word) {
        return FILLER.contains(word);
    }
}
