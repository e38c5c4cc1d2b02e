package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user's query as {@code tsquery} literals built from {@link CodeTokens}, never from the raw text, so operators
 * and SQL in the query are just text. Every identifier of the query must match. Two forms:
 *
 * <ul>
 *   <li>exact: each identifier as its whole term ({@code InvoiceLedger}, {@code invoice_ledger} and
 *       {@code invoice-ledger} all give {@code 'invoiceledger'}), which is what a developer who types an identifier
 *       means, and selective enough to rank every match quickly;
 *   <li>words: each identifier whole or as all of its words ({@code ('invoiceledger' | 'invoice' & 'ledger')}),
 *       used when the exact form matches nothing.
 * </ul>
 *
 * @param exactTsquery the exact form
 * @param wordsTsquery the words form, or null when no identifier has several words (it would equal the exact one)
 * @param rankTsquery any of the terms, for ranking: credit for every term found in declarations or the path
 * @param terms every whole term and word, for choosing the snippet's lines
 */
record SearchQuery(String exactTsquery, @Nullable String wordsTsquery, String rankTsquery, List<String> terms) {

    /** At most this many identifiers take part; more would only make the query slower, not better. */
    static final int MAX_IDENTIFIERS = 16;

    /** Null when the text has no searchable term (only symbols, or single letters). */
    static @Nullable SearchQuery parse(String text) {
        List<String> exact = new ArrayList<>();
        List<String> withWords = new ArrayList<>();
        Set<String> terms = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean hasWords = false;
        for (int[] span : CodeTokens.identifiers(text)) {
            if (exact.size() == MAX_IDENTIFIERS) {
                break;
            }
            String whole = CodeTokens.whole(text, span[0], span[1]);
            List<String> words = CodeTokens.words(text, span[0], span[1]);
            if ((whole == null && words.isEmpty()) || !seen.add(whole != null ? whole : String.join(" ", words))) {
                continue;
            }
            String allWords = words.isEmpty() ? null : "(" + String.join(" & ", quoted(words)) + ")";
            if (whole != null) {
                terms.add(whole);
                exact.add(quote(whole));
                withWords.add(allWords == null ? quote(whole) : "(" + quote(whole) + " | " + allWords + ")");
            } else {
                exact.add(allWords);
                withWords.add(allWords);
            }
            terms.addAll(words);
            hasWords |= allWords != null && whole != null;
        }
        if (exact.isEmpty()) {
            return null;
        }
        return new SearchQuery(
                String.join(" & ", exact),
                hasWords ? String.join(" & ", withWords) : null,
                String.join(" | ", quoted(terms)),
                List.copyOf(terms));
    }

    private static List<String> quoted(Iterable<String> terms) {
        List<String> quoted = new ArrayList<>();
        terms.forEach(term -> quoted.add(quote(term)));
        return quoted;
    }

    private static String quote(String term) {
        return "'" + term + "'";
    }
}
