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
 *       the}) are dropped (those that are also parts of identifiers, {@code to}, {@code all}, {@code is}, still
 *       join phrases) and code-talk ({@code code}, {@code logic}, {@code function}) kept only as
 *       {@link Unit.Kind#FILLER}, which counts only when nothing else matches;
 *   <li>phrases: a typed identifier whole ({@code invoiceledgerservice}) and every run of 2 to 4 adjacent words
 *       joined ({@code concurrent hash map} → concurrenthash, hashmap, concurrenthashmap; {@code read all lines} →
 *       readalllines), which is how the words of a sentence find the identifier they name;
 *   <li>the last word and the phrases ending with it also match as a prefix when the query does not end with a
 *       space ({@code authent}, {@code array lis} → arraylist);
 *   <li>guesses: the identifiers two or three of the words could form in another order, a plural made singular
 *       ({@code output stream for writing data to a file} → fileoutputstream, {@code logging handler that writes
 *       to files} → filehandler); only those the index holds take part ({@link SearchPlan}).
 * </ul>
 *
 * @param units the units, words first, at most {@link #MAX_UNITS}
 * @param guesses identifiers the words might form, at most {@link #MAX_GUESSES}
 * @param terms every word and whole identifier, for choosing the snippet's lines
 * @param text the query as typed
 */
record SearchQuery(List<Unit> units, List<String> guesses, List<String> terms, String text) {

    /** More units would only make the query slower, not better. */
    static final int MAX_UNITS = 32;

    private static final int MAX_WORDS = 16;
    private static final int MAX_PHRASE_WORDS = 4;
    private static final int MIN_PREFIX_LENGTH = 3;
    static final int MAX_GUESSES = 160;
    private static final int GUESS_WORDS = 6;

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
        List<Boolean> joiners = new ArrayList<>();
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
                boolean joiner = QueryWords.isJoiner(word);
                if (QueryWords.isStopWord(word) && !joiner) {
                    stopped = true;
                    continue;
                }
                sequence.add(word);
                breaks.add(stopped);
                joiners.add(joiner);
                stopped = false;
            }
        }
        terms.addAll(wholes);
        if (terms.isEmpty()) {
            return null;
        }
        if (!joiners.contains(false)) {
            // only function words ("is", "for each"): the index holds none of them (FunctionWords), but the
            // identifiers they form whole ("forEach") it does
            sequence.clear();
            breaks.clear();
            joiners.clear();
            sequence.addAll(terms);
            terms.forEach(term -> {
                breaks.add(false);
                joiners.add(false);
            });
        }
        boolean partialLast = !text.isEmpty()
                && CodeTokens.isIdentifierPart(text.charAt(text.length() - 1))
                && sequence.get(sequence.size() - 1).length() >= MIN_PREFIX_LENGTH;
        List<Unit> units = units(sequence, breaks, joiners, wholes, partialLast);
        return new SearchQuery(units, guesses(units), List.copyOf(terms), text);
    }

    /** Ordered pairs and triples of distinct words (each as typed or made singular) not already a unit. */
    private static List<String> guesses(List<Unit> units) {
        List<List<String>> forms = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (Unit unit : units) {
            known.add(unit.text());
            if (unit.kind() == Unit.Kind.WORD && forms.size() < GUESS_WORDS) {
                String word = unit.text();
                boolean plural = word.length() > 3 && word.endsWith("s") && !word.endsWith("ss");
                forms.add(plural ? List.of(word, word.substring(0, word.length() - 1)) : List.of(word));
            }
        }
        Set<String> guesses = new LinkedHashSet<>();
        int n = forms.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                for (String a : forms.get(i)) {
                    for (String b : forms.get(j)) {
                        guesses.add(a + b);
                        for (int k = 0; k < n; k++) {
                            if (k != i && k != j) {
                                forms.get(k).forEach(c -> guesses.add(a + b + c));
                            }
                        }
                    }
                }
            }
        }
        guesses.removeAll(known);
        return guesses.stream()
                .filter(guess -> guess.length() <= CodeTokens.MAX_TERM_LENGTH)
                .limit(MAX_GUESSES)
                .toList();
    }

    private static List<Unit> units(
            List<String> sequence, List<Boolean> breaks, List<Boolean> joiners, Set<String> wholes, boolean partial) {
        Map<String, Unit> units = new LinkedHashMap<>();
        int count = Math.min(sequence.size(), MAX_WORDS);
        int last = sequence.size() - 1;
        for (int i = 0; i < count; i++) {
            String word = sequence.get(i);
            if (!joiners.get(i)) {
                Unit.Kind kind = QueryWords.isFiller(word) ? Unit.Kind.FILLER : Unit.Kind.WORD;
                units.putIfAbsent(word, new Unit(word, kind, partial && i == last));
            }
        }
        for (String whole : wholes) {
            units.putIfAbsent(whole, new Unit(whole, Unit.Kind.PHRASE, false));
        }
        for (int length = MAX_PHRASE_WORDS; length >= 2; length--) {
            for (int start = 0; start + length <= count; start++) {
                StringBuilder phrase = new StringBuilder();
                boolean broken = false;
                boolean word = false;
                for (int i = start; i < start + length; i++) {
                    broken |= i > start && breaks.get(i);
                    word |= !joiners.get(i);
                    phrase.append(sequence.get(i));
                }
                String joined = phrase.toString();
                if (!broken && word && joined.length() <= CodeTokens.MAX_TERM_LENGTH) {
                    units.putIfAbsent(
                            joined, new Unit(joined, Unit.Kind.PHRASE, partial && start + length - 1 == last));
                }
            }
        }
        return units.values().stream().limit(MAX_UNITS).toList();
    }
}
