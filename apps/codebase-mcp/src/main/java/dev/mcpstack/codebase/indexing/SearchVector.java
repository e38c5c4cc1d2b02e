package dev.mcpstack.codebase.indexing;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a chunk's {@code tsvector} literal in Java (PostgreSQL then only parses it): every identifier whole and
 * split, declarations ({@code class X}, {@code def x(}, {@code public Foo bar(}) at weight A, the file path's
 * terms at weight B, everything else at D. Positions keep split words next to each other so phrase-like queries
 * rank well; a term keeps at most {@link #MAX_POSITIONS} positions (ranking saturates long before that).
 */
final class SearchVector {

    private static final int MAX_POSITIONS = 8;
    private static final int MAX_POSITION = 16_383;
    private static final int MAX_TERMS = 5_000;
    private static final int WEIGHT_A = 3;
    private static final int WEIGHT_B = 2;
    private static final int WEIGHT_D = 0;
    private static final char[] WEIGHT_LETTERS = {'D', 'C', 'B', 'A'};

    /** Keywords whose next identifier is being declared. */
    private static final Set<String> DECLARING = Set.of(
            "class",
            "interface",
            "enum",
            "record",
            "struct",
            "trait",
            "def",
            "fn",
            "fun",
            "func",
            "function",
            "module",
            "object",
            "table",
            "view",
            "procedure",
            "macro",
            "namespace",
            "impl");

    /** First words of a line on which the first {@code name(} is a method or function declaration. */
    private static final Set<String> METHOD_LINE = Set.of(
            "public",
            "private",
            "protected",
            "static",
            "final",
            "abstract",
            "synchronized",
            "override",
            "internal",
            "async",
            "export",
            "def",
            "func",
            "fn",
            "fun",
            "function",
            "void",
            "default");

    private final Map<String, int[]> positions = new HashMap<>();
    private int position = 1;

    private SearchVector() {}

    /** The literal for a chunk of {@code content} in the file whose path terms are {@code pathTerms}. */
    static String build(List<String> pathTerms, CharSequence content) {
        SearchVector vector = new SearchVector();
        for (String term : pathTerms) {
            vector.add(term, WEIGHT_B);
        }
        vector.addCode(content);
        return vector.literal();
    }

    /** Terms of a file path: every directory and the file name without extension, whole and split. */
    static List<String> pathTerms(String path) {
        int dot = path.lastIndexOf('.');
        String withoutExtension = dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
        List<String> terms = new ArrayList<>();
        for (int[] span : CodeTokens.identifiers(withoutExtension)) {
            String whole = CodeTokens.whole(withoutExtension, span[0], span[1]);
            if (whole != null) {
                terms.add(whole);
            }
            terms.addAll(CodeTokens.words(withoutExtension, span[0], span[1]));
        }
        return terms;
    }

    private void addCode(CharSequence content) {
        String previous = "";
        boolean previousFirstOnLine = false;
        boolean atLineStart = true;
        boolean methodLine = false;
        boolean lineDeclared = false;
        int scanned = 0;
        for (int[] span : CodeTokens.identifiers(content)) {
            int start = span[0];
            int end = span[1];
            boolean onlyWhitespaceBefore = true;
            for (; scanned < start; scanned++) {
                char c = content.charAt(scanned);
                if (c == '\n') {
                    atLineStart = true;
                    onlyWhitespaceBefore = true;
                    methodLine = false;
                } else if (!Character.isWhitespace(c)) {
                    onlyWhitespaceBefore = false;
                }
            }
            scanned = end;
            boolean firstOnLine = atLineStart && onlyWhitespaceBefore;
            atLineStart = false;
            String word = content.subSequence(start, end).toString();
            if (firstOnLine) {
                methodLine = METHOD_LINE.contains(word);
                lineDeclared = false;
            }
            // "type" declares only at the start of a line (Go, TypeScript); elsewhere it is a common variable name
            boolean declaration = DECLARING.contains(previous) || (previousFirstOnLine && previous.equals("type"));
            if (!declaration && methodLine && !lineDeclared && end < content.length() && content.charAt(end) == '(') {
                declaration = true;
                lineDeclared = true;
            }
            int weight = declaration ? WEIGHT_A : WEIGHT_D;
            String whole = CodeTokens.whole(content, start, end);
            if (whole != null) {
                add(whole, weight);
            }
            for (String part : CodeTokens.words(content, start, end)) {
                add(part, weight);
            }
            previous = word.length() <= 10 ? word.toLowerCase(Locale.ROOT) : "";
            previousFirstOnLine = firstOnLine;
        }
    }

    private void add(String term, int weight) {
        int pos = Math.min(position++, MAX_POSITION);
        int[] list = positions.get(term);
        if (list == null) {
            if (positions.size() >= MAX_TERMS) {
                return;
            }
            list = new int[MAX_POSITIONS + 1];
            positions.put(term, list);
        }
        int packed = pos << 2 | weight;
        int count = list[0];
        if (count < MAX_POSITIONS) {
            list[++list[0]] = packed;
        } else if (weight > (list[count] & 3)) {
            // a declaration or path mention must survive the cap: it decides the ranking
            list[count] = packed;
        }
    }

    private String literal() {
        StringBuilder out = new StringBuilder(positions.size() * 16);
        for (Map.Entry<String, int[]> entry : positions.entrySet()) {
            out.append('\'').append(entry.getKey()).append('\'');
            int[] list = entry.getValue();
            char separator = ':';
            int lastPosition = 0;
            for (int i = 1; i <= list[0]; i++) {
                int pos = list[i] >>> 2;
                if (pos == lastPosition) {
                    continue;
                }
                lastPosition = pos;
                out.append(separator).append(pos);
                int weight = list[i] & 3;
                if (weight != WEIGHT_D) {
                    out.append(WEIGHT_LETTERS[weight]);
                }
                separator = ',';
            }
            out.append(' ');
        }
        return out.toString();
    }
}
