package dev.mcpstack.codebase.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How code text becomes search terms, identically at index and at query time. An identifier such as
 * {@code InvoiceLedgerService}, {@code invoice_ledger_service} or {@code invoice-ledger-service} yields the whole
 * term {@code invoiceledgerservice} (separators dropped, lower case) and its words {@code invoice}, {@code ledger},
 * {@code service}. Hand-written because PostgreSQL's text parser neither splits camelCase nor keeps snake_case
 * whole; terms contain only letters and digits, so they never need quoting in tsvector or tsquery literals.
 */
public final class CodeTokens {

    /** Shorter terms (loop variables, single letters) are not indexed. */
    public static final int MIN_TERM_LENGTH = 2;

    /** Longer ones (generated code, base64) are not indexed either: no one types them into a search box. */
    public static final int MAX_TERM_LENGTH = 64;

    /**
     * Prefix of the lexeme marking a chunk that declares an identifier (or a file named after it): {@code =hashmap}.
     * Terms are letters and digits only, so a marker never collides with a term.
     */
    public static final String DECLARED = "=";

    private CodeTokens() {}

    /** Whether {@code c} continues an identifier ({@code -} only between letters or digits: kebab-case). */
    public static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The whole term: letters and digits of the identifier in lower case, or null when too short or long. */
    public static @Nullable String whole(CharSequence text, int start, int end) {
        StringBuilder term = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                term.append(Character.toLowerCase(c));
            }
        }
        return usable(term) ? term.toString() : null;
    }

    /**
     * The words of the identifier in {@code text[start, end)}: split at {@code _ - $}, at lower-to-upper case
     * changes ({@code ledgerService}) and before the last capital of an acronym ({@code HTTPServer} → http,
     * server). Returns an empty list when the identifier is a single word (the whole term already covers it).
     */
    public static List<String> words(CharSequence text, int start, int end) {
        List<String> words = new ArrayList<>(4);
        int wordStart = -1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                addWord(words, text, wordStart, i);
                wordStart = -1;
                continue;
            }
            if (wordStart < 0) {
                wordStart = i;
            } else if (Character.isUpperCase(c)) {
                char previous = text.charAt(i - 1);
                boolean acronymEnds =
                        Character.isUpperCase(previous) && i + 1 < end && Character.isLowerCase(text.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous) || acronymEnds) {
                    addWord(words, text, wordStart, i);
                    wordStart = i;
                }
            }
        }
        addWord(words, text, wordStart, end);
        if (words.size() <= 1) {
            return List.of();
        }
        return words;
    }

    /** Identifier spans of {@code text} as {start, end} pairs, in order. */
    public static List<int[]> identifiers(CharSequence text) {
        List<int[]> spans = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isIdentifierPart(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && (isIdentifierPart(text.charAt(i)) || isKebabHyphen(text, i))) {
                i++;
            }
            spans.add(new int[] {start, i});
        }
        return spans;
    }

    static boolean isKebabHyphen(CharSequence text, int i) {
        return text.charAt(i) == '-'
                && i > 0
                && i + 1 < text.length()
                && Character.isLetter(text.charAt(i - 1))
                && Character.isLetter(text.charAt(i + 1));
    }

    private static void addWord(List<String> words, CharSequence text, int start, int end) {
        if (start >= 0 && end - start >= MIN_TERM_LENGTH && end - start <= MAX_TERM_LENGTH) {
            words.add(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT));
        }
    }

    private static boolean usable(CharSequence term) {
        return term.length() >= MIN_TERM_LENGTH && term.length() <= MAX_TERM_LENGTH;
    }
}
