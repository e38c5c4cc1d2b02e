package dev.mcpstack.codebase.indexing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * The rules every entry of an untrusted archive (or a server directory) must pass: a relative name that stays
 * inside the root, a bounded size and count, and UTF-8 text. Binary content is not an error: it is skipped.
 */
final class EntryGuard {

    /** Like git: a NUL byte in the first 8000 bytes makes a file binary. */
    private static final int BINARY_SNIFF_BYTES = 8000;

    private final IndexProperties limits;
    private int entries;
    private long expandedBytes;

    EntryGuard(IndexProperties limits) {
        this.limits = limits;
    }

    /** Counts an entry of any kind against the entry cap. */
    void countEntry() throws ArchiveRejected {
        if (++entries > limits.maxEntries()) {
            throw ArchiveRejected.badRequest(
                    "too-many-entries", "The archive has more than " + limits.maxEntries() + " entries");
        }
    }

    /** Checks a file's declared size against the per-entry and total caps before any of it is read. */
    void checkSize(String name, long size) throws ArchiveRejected {
        if (size > limits.maxEntrySize().toBytes()) {
            throw ArchiveRejected.badRequest(
                    "entry-too-large",
                    "Entry '" + name + "' is " + size + " bytes, more than the " + human(limits.maxEntrySize())
                            + " allowed per file");
        }
        expandedBytes += size;
        if (expandedBytes > limits.maxExpandedSize().toBytes()) {
            throw ArchiveRejected.badRequest(
                    "archive-too-large-expanded",
                    "The archive expands to more than the " + human(limits.maxExpandedSize()) + " allowed");
        }
    }

    /**
     * The entry name as a clean relative path ({@code ./a//b} → {@code a/b}), or a rejection when it is absolute,
     * climbs out of the root or is absurd. Null for names that are only the root itself ({@code ./}).
     */
    @Nullable
    String normalizePath(String name) throws ArchiveRejected {
        if (name.length() > limits.maxPathLength()) {
            throw ArchiveRejected.badRequest(
                    "entry-name-too-long", "An entry name is longer than " + limits.maxPathLength() + " characters");
        }
        if (name.indexOf('\0') >= 0) {
            throw ArchiveRejected.badRequest("entry-name-invalid", "An entry name contains a NUL character");
        }
        String slashed = name.replace('\\', '/');
        if (slashed.startsWith("/") || (slashed.length() > 1 && slashed.charAt(1) == ':')) {
            throw ArchiveRejected.badRequest(
                    "entry-path-absolute",
                    "Entry '" + name + "' has an absolute path; only relative paths are allowed");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : slashed.split("/")) {
            if (segment.equals("..")) {
                throw ArchiveRejected.badRequest(
                        "entry-path-traversal", "Entry '" + name + "' escapes the archive root with '..'");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    /** The text of a file, or null when it is binary; not-UTF-8 text is rejected with the entry's name. */
    static @Nullable String decode(String path, byte[] bytes) throws ArchiveRejected {
        int sniff = Math.min(bytes.length, BINARY_SNIFF_BYTES);
        for (int i = 0; i < sniff; i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                return null;
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ArchiveRejected.badRequest("entry-not-utf8", "Entry '" + path + "' is not valid UTF-8 text");
        }
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }
}
