package dev.mcpstack.codebase.search;

import java.util.List;
import java.util.Locale;

/** The few lines of a chunk around its first match, each prefixed with its line number ({@code 42: code}). */
final class Snippets {

    private static final int LINES_BEFORE = 2;
    private static final int MAX_LINE_CHARS = 240;

    private Snippets() {}

    static String of(String content, int startLine, List<String> terms, int maxLines) {
        String[] lines = content.split("\n", -1);
        int count = lines.length;
        if (count > 1 && lines[count - 1].isEmpty()) {
            count--;
        }
        int match = firstMatch(lines, count, terms);
        int from = Math.max(0, match - LINES_BEFORE);
        int to = Math.min(count, from + maxLines);
        StringBuilder snippet = new StringBuilder();
        for (int i = from; i < to; i++) {
            String line = lines[i];
            if (line.length() > MAX_LINE_CHARS) {
                line = line.substring(0, MAX_LINE_CHARS) + "…";
            }
            snippet.append(startLine + i).append(": ").append(line);
            if (i + 1 < to) {
                snippet.append('\n');
            }
        }
        return snippet.toString();
    }

    /** Index of the first line containing a term (identifier separators ignored), 0 when none does. */
    private static int firstMatch(String[] lines, int count, List<String> terms) {
        for (int i = 0; i < count; i++) {
            String squashed = squash(lines[i]);
            for (String term : terms) {
                if (squashed.contains(term)) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static String squash(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (c != '_' && c != '-' && c != '$') {
                out.append(' ');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
