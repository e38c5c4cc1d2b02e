package dev.mcpstack.codebase.indexing;

import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, backslash escapes). Hand-written because r2dbc-postgresql's
 * copyIn takes raw bytes and there is no COPY encoder in the stack; the format is four escapes.
 */
final class CopyRows {

    private final StringBuilder out;
    private boolean firstColumn = true;

    CopyRows(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    CopyRows column(Object value) {
        separate();
        out.append(value);
        return this;
    }

    CopyRows text(String value) {
        return text(value, 0, value.length());
    }

    /** Appends {@code value[from, to)} escaped, copying runs of ordinary characters in one go. */
    CopyRows text(String value, int from, int to) {
        separate();
        int run = from;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                out.append(value, run, i);
                out.append(
                        switch (c) {
                            case '\\' -> "\\\\";
                            case '\n' -> "\\n";
                            case '\r' -> "\\r";
                            default -> "\\t";
                        });
                run = i + 1;
            }
        }
        out.append(value, run, to);
        return this;
    }

    /** Starts a column the caller writes itself, already known to need no escaping. */
    StringBuilder rawColumn() {
        separate();
        return out;
    }

    void endRow() {
        out.append('\n');
        firstColumn = true;
    }

    int length() {
        return out.length();
    }

    boolean isEmpty() {
        return out.length() == 0;
    }

    byte[] drain() {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        return bytes;
    }

    private void separate() {
        if (!firstColumn) {
            out.append('\t');
        }
        firstColumn = false;
    }
}
