package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user's query as search units built from {@link CodeTokens}, never from the raw text, so operators and SQL in
 * the query are just text (units are letters and digits only). No unit is required: chunks are ranked by how many
 * of them they cover ({@link SearchService}). Units:
 *
 * <ul>
 *   <li>words: every identifier's words ({@code InvoiceLedgerService} → invoice, ledger, service; a one-word
 *       identifier is its own word), matched across inflections; English function words ({@code where}, {@code
 *       the}) are dropped and code-talk ({@code code}, {@code logic}, {@code function}) kept only as
 *       {@link Unit.Kind#FILLER}, which counts only when nothing else matches;
 *   <li>phrases: a typed identifier whole ({@code invoiceledgerservice}) and every run of 2 to 4 adjacent words
 *       joined ({@code concurrent hash map} → concurrenthash, hashmap, concurrenthashmap), which is how the words
 *       of a sentence find the identifier they name;
 *   <li>the last word and the phrases ending with it also match as a prefix when the query does not end with a
 *       space ({@code authent}, {@code array lis} → arraylist).
 * </ul>
 *
 * @param units the units, words first, at most {@link #MAX_UNITS}
 * @param terms every word and whole identifier, for choosing the snippet's lines
 */
record SearchQuery(List<Unit> units, List<String> terms) {

    /** More units would only make the query slower, not better. */
    static final int MAX_UNITS = 24;

    private static final int MAX_WORDS = 12;
    private static final int MAX_PHRASE_WORDS = 4;
    private static final int MIN_PREFIX_LENGTH = 3;

    /**
     * One search unit.
     *
     * @param text the term (letters and digits)
     * @param kind word, filler word or phrase
     * @param prefix whether terms starting with {@code text} match too
     */
    record Unit(String text, Kind kind, boolean prefix) {
        enum Kind {
            WORD,
            FILLER,
            PHRASE
        }
    }

    /** Null when the text has no searchable term (only symbols, or single letters). */
    static @Nullable SearchQuery parse(String text) {
        List<String> sequence = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        Set<String> wholes = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        boolean stopped = false;
        for (int[] span : CodeTokens.identifiers(text)) {
            String whole = CodeTokens.whole(text, span[0], span[1]);
            List<String> words = CodeTokens.words(text, span[0], span[1]);
            if (words.isEmpty() && whole != null) {
                words = List.of(whole);
            } else if (whole != null) {
                wholes.add(whole);
            }
            for (String word : words) {
                terms.add(word);
                if (QueryWords.isStopWord(word)) {
                    stopped = true;
                    continue;
                }
                sequence.add(word);
                breaks.add(stopped);
                stopped = false;
            }
        }
        terms.addAll(wholes);
        if (terms.isEmpty()) {
            return null;
        }
        if (sequence.isEmpty()) {
            // only function words ("is", "the"): search for them rather than for nothing
            sequence.addAll(terms);
            terms.forEach(term -> breaks.add(false));
        }
        boolean partialLast = !text.isEmpty()
                && CodeTokens.isIdentifierPart(text.charAt(text.length() - 1))
                && sequence.get(sequence.size() - 1).length() >= MIN_PREFIX_LENGTH;
        return new SearchQuery(units(sequence, breaks, wholes, partialLast), List.copyOf(terms));
    }

    private static List<Unit> units(List<String> sequence, List<Boolean> breaks, Set<String> wholes, boolean partial) {
        Map<String, Unit> units = new LinkedHashMap<>();
        int count = Math.min(sequence.size(), MAX_WORDS);
        int last = sequence.size() - 1;
        for (int i = 0; i < count; i++) {
            String word = sequence.get(i);
            Unit.Kind kind = QueryWords.isFiller(word) ? Unit.Kind.FILLER : Unit.Kind.WORD;
            units.putIfAbsent(word, new Unit(word, kind, partial && i == last));
        }
        for (String whole : wholes) {
            units.putIfAbsent(whole, new Unit(whole, Unit.Kind.PHRASE, false));
        }
        for (int length = MAX_PHRASE_WORDS; length >= 2; length--) {
            for (int start = 0; start + length <= count; start++) {
                StringBuilder phrase = new StringBuilder();
                boolean broken = false;
                for (int i = start; i < start + length; i++) {
                    broken |= i > start && breaks.get(i);
                    phrase.append(sequence.get(i));
                }
                String joined = phrase.toString();
                if (!broken && joined.length() <= CodeTokens.MAX_TERM_LENGTH) {
                    units.putIfAbsent(
                            joined, new Unit(joined, Unit.Kind.PHRASE, partial && start + length - 1 == last));
                }
            }
        }
        return units.values().stream().limit(MAX_UNITS).toList();
    }
}
