package dev.mcpstack.codebase.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The few lines of a chunk around its best match, each prefixed with its line number ({@code 42: code}). */
final class Snippets {

    private static final int LINES_BEFORE = 2;
    private static final int MAX_LINE_CHARS = 240;

    private Snippets() {}

    static String of(String content, int startLine, List<String> terms, int maxLines) {
        int[] lineStarts = lineStarts(content);
        int count = lineStarts.length - 1;
        int best = bestLine(content, lineStarts, terms);
        int from = Math.max(0, best - LINES_BEFORE);
        int to = Math.min(count, from + maxLines);
        StringBuilder snippet = new StringBuilder();
        for (int i = from; i < to; i++) {
            int start = lineStarts[i];
            int end = lineStarts[i + 1];
            if (end > start && content.charAt(end - 1) == '\n') {
                end--;
            }
            snippet.append(startLine + i).append(": ");
            if (end - start > MAX_LINE_CHARS) {
                snippet.append(content, start, start + MAX_LINE_CHARS).append('…');
            } else {
                snippet.append(content, start, end);
            }
            if (i + 1 < to) {
                snippet.append('\n');
            }
        }
        return snippet.toString();
    }

    /**
     * The line matching the query best: every occurrence of a term in the lower-cased chunk adds the term's length
     * to its line, so a line with the whole identifier (or all its words) wins over one with a single word. Whole
     * terms of snake_case or kebab-case identifiers are found through their words.
     */
    private static int bestLine(String content, int[] lineStarts, List<String> terms) {
        String text = content.toLowerCase(Locale.ROOT);
        int lines = lineStarts.length - 1;
        int[] score = new int[lines];
        for (String term : terms) {
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
                int line = Arrays.binarySearch(lineStarts, 0, lines, at);
                score[line >= 0 ? line : -line - 2] += term.length();
            }
        }
        int best = 0;
        for (int i = 1; i < lines; i++) {
            if (score[i] > score[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Start offsets of every line, plus the content length as a final sentinel. */
    private static int[] lineStarts(String content) {
        int lines = 1;
        for (int i = 0; i < content.length() - 1; i++) {
            if (content.charAt(i) == '\n') {
                lines++;
            }
        }
        int[] starts = new int[lines + 1];
        int line = 1;
        for (int i = 0; i < content.length() - 1; i++) {
            if (content.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        starts[lines] = content.length();
        return starts;
    }
}
