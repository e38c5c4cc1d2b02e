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

    CopyRows text(CharSequence value) {
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return this;
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
