package dev.mcpstack.codebase.tokens;

import java.util.Set;

/**
 * English function words ({@code the}, {@code is}, {@code where}): a query drops them, so the index does not hold
 * them either. In source code they fill comments — {@code the}, {@code if}, {@code to}, {@code is}, {@code of} are
 * each in two thirds of the JDK's chunks, and this list is about an eighth of all the lexemes of its chunks — and
 * every one of them cost a GIN entry, bytes of the stored vector and a {@code term_stats} count nothing reads.
 * Identifiers made of them are unaffected: {@code isEmpty} and {@code toString} are indexed whole, and their other
 * words on their own.
 */
public final class FunctionWords {

    private static final Set<String> WORDS = Set.of(
            "a", "about", "all", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could",
            "did", "do", "does", "done", "each", "for", "from", "had", "has", "have", "he", "her", "here", "his", "how",
            "if", "in", "into", "is", "it", "its", "just", "me", "my", "no", "not", "of", "on", "or", "our", "she",
            "should", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
            "those", "to", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with",
            "would", "you", "your");

    private FunctionWords() {}

    public static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
