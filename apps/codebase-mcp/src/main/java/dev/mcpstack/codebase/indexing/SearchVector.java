package dev.mcpstack.codebase.indexing;

import dev.mcpstack.codebase.tokens.CodeTokens;
import dev.mcpstack.codebase.tokens.FunctionWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a chunk's {@code tsvector} literals in Java (PostgreSQL then only parses them): every identifier whole and
 * split into words, exactly as {@link CodeTokens} does for queries. Weights, for ranking: a declared identifier
 * ({@code class X}, {@code def x(}, {@code public Foo bar(}) and the file's own name (without extension) whole at A,
 * the declared identifier's words at B, the path's other terms at C, everything else at D. Two literals come out:
 * the full one without positions (matching, and candidate generation for search) and the ranking one with the A, B
 * and C terms, each keeping at most {@link #MAX_POSITIONS} positions. The full one also holds a marker lexeme
 * {@code =name} for every A term, so "chunks declaring exactly this identifier" is one GIN lookup however common the
 * name is elsewhere (terms are letters and digits only, so a marker never collides with a term).
 *
 * <p>Every chunk's distinct lexemes are counted into {@link TermCounts} (document frequencies for search weights).
 *
 * <p>This is the indexing hot path (tens of MB per request), so it scans characters once into a reused buffer
 * instead of going through {@link CodeTokens}' allocating helpers. Not thread-safe: one instance per worker.
 */
final class SearchVector {

    private static final int MAX_POSITIONS = 4;
    private static final int MAX_POSITION = 16_383;
    private static final int MAX_TERMS = 5_000;
    private static final int MAX_SCANNED = 256;
    private static final int WEIGHT_A = 3;
    private static final int WEIGHT_B = 2;
    private static final int WEIGHT_C = 1;
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

    private final Map<String, int[]> positions = new HashMap<>(1024);
    private final char[] term = new char[MAX_SCANNED];
    private final int[] wordStarts = new int[MAX_SCANNED + 1];
    private final TermCounts counts;
    private int position;
    private int termLength;
    private int wordCount;

    SearchVector(TermCounts counts) {
        this.counts = counts;
    }

    /** The whole term of the file's name without extension ({@code HashMap.java} → hashmap), or null. */
    static @Nullable String fileNameTerm(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String name = path.substring(slash + 1, dot > slash ? dot : path.length());
        return CodeTokens.whole(name, 0, name.length());
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

    /**
     * Appends the literals for {@code content[from, to)} of a file with {@code pathTerms} as two COPY columns: the
     * ranking vector (declaration and path terms only) and the full search vector.
     */
    void write(List<String> pathTerms, @Nullable String fileName, String content, int from, int to, CopyRows rows) {
        positions.clear();
        position = 1;
        if (fileName != null) {
            // declared by the file (A) and in its path (C): the file named after an identifier ranks above a
            // chunk that merely declares something of that name
            add(fileName, WEIGHT_A);
            add(fileName, WEIGHT_C);
            add(CodeTokens.DECLARED + fileName, WEIGHT_D);
        }
        for (String pathTerm : pathTerms) {
            add(pathTerm, WEIGHT_C);
        }
        scan(content, from, to);
        appendLiteral(rows.rawColumn(), true);
        appendLiteral(rows.rawColumn(), false);
        counts.addAll(positions.keySet());
    }

    private void scan(String s, int from, int to) {
        String previous = "";
        boolean previousFirstOnLine = false;
        boolean atLineStart = true;
        boolean onlyWhitespace = true;
        boolean methodLine = false;
        boolean lineDeclared = false;
        boolean commentLine = false;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\n') {
                atLineStart = true;
                onlyWhitespace = true;
                methodLine = false;
                commentLine = false;
                i++;
                continue;
            }
            if (!CodeTokens.isIdentifierPart(c)) {
                if (c != ' ' && c != '\t' && c != '\r') {
                    // prose in comments ("the class files are ...") declares nothing
                    commentLine |= onlyWhitespace
                            && (c == '*'
                                    || c == '#'
                                    || (c == '/' && i + 1 < to && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')));
                    onlyWhitespace = false;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < to && (CodeTokens.isIdentifierPart(s.charAt(i)) || isKebabHyphen(s, i, to))) {
                i++;
            }
            boolean firstOnLine = atLineStart && onlyWhitespace;
            atLineStart = false;
            onlyWhitespace = false;
            String whole = termOf(s, start, i);
            if (firstOnLine) {
                methodLine = whole != null && METHOD_LINE.contains(whole);
                lineDeclared = false;
            }
            // "type" declares only at the start of a line (Go, TypeScript); elsewhere it is a common variable name
            boolean declaration =
                    !commentLine && (DECLARING.contains(previous) || (previousFirstOnLine && previous.equals("type")));
            if (!declaration && !commentLine && methodLine && !lineDeclared && i < to && s.charAt(i) == '(') {
                declaration = true;
                lineDeclared = true;
            }
            addTerms(whole, declaration);
            previous = whole == null ? "" : whole;
            previousFirstOnLine = firstOnLine;
        }
    }

    private static boolean isKebabHyphen(String s, int i, int to) {
        return s.charAt(i) == '-'
                && i + 1 < to
                && Character.isLetter(s.charAt(i - 1))
                && Character.isLetter(s.charAt(i + 1));
    }

    /**
     * Lower-cases the identifier's letters and digits into {@link #term}, noting where words start by the same
     * rules as {@link CodeTokens#words}; returns the whole term, or null when too short or long.
     */
    private @Nullable String termOf(String s, int start, int end) {
        termLength = 0;
        wordCount = 0;
        boolean inWord = false;
        for (int i = start; i < end && termLength < MAX_SCANNED; i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                inWord = false;
                continue;
            }
            boolean boundary = !inWord;
            if (inWord && Character.isUpperCase(c)) {
                char previous = s.charAt(i - 1);
                boundary = Character.isLowerCase(previous)
                        || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && i + 1 < end && Character.isLowerCase(s.charAt(i + 1)));
            }
            if (boundary) {
                wordStarts[wordCount++] = termLength;
            }
            term[termLength++] = Character.toLowerCase(c);
            inWord = true;
        }
        wordStarts[wordCount] = termLength;
        return termLength >= CodeTokens.MIN_TERM_LENGTH && termLength <= CodeTokens.MAX_TERM_LENGTH
                ? new String(term, 0, termLength)
                : null;
    }

    private void addTerms(@Nullable String whole, boolean declaration) {
        if (whole != null) {
            add(whole, declaration ? WEIGHT_A : WEIGHT_D);
            if (declaration) {
                add(CodeTokens.DECLARED + whole, WEIGHT_D);
            }
        }
        int weight = declaration ? WEIGHT_B : WEIGHT_D;
        if (wordCount > 1) {
            for (int w = 0; w < wordCount; w++) {
                int length = wordStarts[w + 1] - wordStarts[w];
                if (length >= CodeTokens.MIN_TERM_LENGTH && length <= CodeTokens.MAX_TERM_LENGTH) {
                    add(new String(term, wordStarts[w], length), weight);
                }
            }
        }
    }

    private void add(String lexeme, int weight) {
        if (FunctionWords.contains(lexeme)) {
            return;
        }
        int pos = Math.min(position++, MAX_POSITION);
        int[] list = positions.get(lexeme);
        if (list == null) {
            if (positions.size() >= MAX_TERMS) {
                return;
            }
            list = new int[MAX_POSITIONS + 1];
            positions.put(lexeme, list);
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

    /**
     * With {@code strongOnly}: the A, B and C terms with their positions and weights, for ts_rank. Otherwise: every
     * term without positions, which is all the GIN match needs and about half the bytes to send, parse and store.
     */
    private void appendLiteral(StringBuilder out, boolean strongOnly) {
        for (Map.Entry<String, int[]> entry : positions.entrySet()) {
            int[] list = entry.getValue();
            if (!strongOnly) {
                out.append('\'').append(entry.getKey()).append("' ");
                continue;
            }
            if (!hasStrong(list)) {
                continue;
            }
            out.append('\'').append(entry.getKey()).append('\'');
            char separator = ':';
            int lastPosition = 0;
            for (int i = 1; i <= list[0]; i++) {
                int pos = list[i] >>> 2;
                int weight = list[i] & 3;
                if (pos == lastPosition || weight == WEIGHT_D) {
                    continue;
                }
                lastPosition = pos;
                out.append(separator).append(pos).append(WEIGHT_LETTERS[weight]);
                separator = ',';
            }
            out.append(' ');
        }
    }

    private static boolean hasStrong(int[] list) {
        for (int i = 1; i <= list[0]; i++) {
            if ((list[i] & 3) != WEIGHT_D) {
                return true;
            }
        }
        return false;
    }
}
