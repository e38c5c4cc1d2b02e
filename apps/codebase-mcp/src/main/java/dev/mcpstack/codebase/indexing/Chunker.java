package dev.mcpstack.codebase.indexing;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a file into windows of about {@code targetLines} lines. Each cut moves to a nearby blank line when there is
 * one (so functions and paragraphs tend to stay whole) and is also forced when a window grows past
 * {@link #MAX_CHUNK_CHARS}, so minified one-line-per-thousand-statements files still give bounded chunks.
 */
final class Chunker {

    /** A chunk: 1-based inclusive line numbers and the character range of its text in the file. */
    record Span(int startLine, int endLine, int startOffset, int endOffset) {}

    static final int MAX_CHUNK_CHARS = 32 * 1024;

    private Chunker() {}

    static List<Span> split(String content, int targetLines) {
        List<Integer> lineStarts = lineStarts(content);
        int lines = lineStarts.size();
        int min = Math.max(1, targetLines * 3 / 4);
        int max = targetLines + targetLines / 4;
        List<Span> spans = new ArrayList<>(lines / targetLines + 1);
        int start = 0;
        while (start < lines) {
            int end = lines <= start + max ? lines : cut(content, lineStarts, start, min, targetLines, max);
            end = capBySize(lineStarts, content.length(), start, end);
            int endOffset = end < lines ? lineStarts.get(end) : content.length();
            spans.add(new Span(start + 1, end, lineStarts.get(start), endOffset));
            start = end;
        }
        return spans;
    }

    /** The exclusive end line of the window starting at {@code start}: after the blank line nearest the target. */
    private static int cut(String content, List<Integer> lineStarts, int start, int min, int target, int max) {
        for (int distance = 0; distance <= max - target || distance <= target - min; distance++) {
            int after = start + target + distance;
            if (distance <= max - target && isBlank(content, lineStarts, after - 1)) {
                return after;
            }
            int before = start + target - distance;
            if (distance <= target - min && isBlank(content, lineStarts, before - 1)) {
                return before;
            }
        }
        return start + target;
    }

    private static int capBySize(List<Integer> lineStarts, int length, int start, int end) {
        int startOffset = lineStarts.get(start);
        int capped = end;
        while (capped > start + 1 && lineEnd(lineStarts, length, capped - 1) - startOffset > MAX_CHUNK_CHARS) {
            capped--;
        }
        return capped;
    }

    private static boolean isBlank(String content, List<Integer> lineStarts, int line) {
        if (line < 0 || line >= lineStarts.size()) {
            return false;
        }
        int end = lineEnd(lineStarts, content.length(), line);
        for (int i = lineStarts.get(line); i < end; i++) {
            if (!Character.isWhitespace(content.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(List<Integer> lineStarts, int length, int line) {
        return line + 1 < lineStarts.size() ? lineStarts.get(line + 1) : length;
    }

    private static List<Integer> lineStarts(String content) {
        List<Integer> starts = new ArrayList<>();
        if (content.isEmpty()) {
            return starts;
        }
        starts.add(0);
        for (int i = 0; i < content.length() - 1; i++) {
            if (content.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }
}
