package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user's query as a {@code tsquery} literal built from {@link CodeTokens}, never from the raw text: every
 * identifier must match, either whole or as all of its words ({@code InvoiceLedger} →
 * {@code ('invoiceledger' | 'invoice' & 'ledger')}). Terms are letters and digits only, so operators and SQL in
 * the query are just text that yields no terms.
 *
 * @param tsquery the literal to cast with {@code ::tsquery}: what a chunk must match
 * @param rankTsquery any of the terms, for ranking: credit for every term found in declarations or the path
 * @param terms every whole term and word, for highlighting the snippet
 */
record SearchQuery(String tsquery, String rankTsquery, List<String> terms) {

    /** At most this many identifiers take part; more would only make the query slower, not better. */
    static final int MAX_IDENTIFIERS = 16;

    /** Null when the text has no searchable term (only symbols, or single letters). */
    static @Nullable SearchQuery parse(String text) {
        List<String> clauses = new ArrayList<>();
        Set<String> terms = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int[] span : CodeTokens.identifiers(text)) {
            if (clauses.size() == MAX_IDENTIFIERS) {
                break;
            }
            String whole = CodeTokens.whole(text, span[0], span[1]);
            List<String> words = CodeTokens.words(text, span[0], span[1]);
            if (whole == null && words.isEmpty()) {
                continue;
            }
            String key = whole != null ? whole : String.join(" ", words);
            if (!seen.add(key)) {
                continue;
            }
            StringBuilder clause = new StringBuilder();
            if (whole != null) {
                clause.append('\'').append(whole).append('\'');
                terms.add(whole);
            }
            if (!words.isEmpty()) {
                clause.append(whole != null ? " | (" : "(");
                for (int i = 0; i < words.size(); i++) {
                    clause.append(i == 0 ? "" : " & ")
                            .append('\'')
                            .append(words.get(i))
                            .append('\'');
                    terms.add(words.get(i));
                }
                clause.append(')');
            }
            clauses.add("(" + clause + ")");
        }
        if (clauses.isEmpty()) {
            return null;
        }
        StringBuilder any = new StringBuilder();
        for (String term : terms) {
            any.append(any.isEmpty() ? "" : " | ").append('\'').append(term).append('\'');
        }
        return new SearchQuery(String.join(" & ", clauses), any.toString(), List.copyOf(terms));
    }
}
