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

    /** Index of the line matching the query best (a whole identifier counts more than one of its words). */
    private static int firstMatch(String[] lines, int count, List<String> terms) {
        int best = 0;
        int bestScore = 0;
        for (int i = 0; i < count; i++) {
            String squashed = squash(lines[i]);
            int score = 0;
            for (int t = 0; t < terms.size(); t++) {
                if (squashed.contains(terms.get(t))) {
                    score += terms.get(t).length();
                }
            }
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
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
