package dev.mcpstack.codebase.indexing;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Streams the files of an uploaded tar or tar.gz: nothing is buffered beyond one entry, nothing touches the disk.
 * The compressed byte count is capped (413), the expanded byte count and the expansion ratio are checked on
 * every read, so a gzip bomb is stopped long before it expands.
 */
final class TarSourceEntries implements SourceEntries {

    private final TarArchiveInputStream tar;
    private final EntryGuard guard;
    private int skipped;

    TarSourceEntries(InputStream body, boolean gzip, IndexProperties limits) throws IOException {
        this.guard = new EntryGuard(limits);
        long maxArchive = limits.maxArchiveSize().toBytes();
        BoundedInputStream compressed = BoundedInputStream.builder()
                .setInputStream(body)
                .setMaxCount(maxArchive + 1)
                .setOnMaxCount((max, count) -> {
                    throw ArchiveRejected.tooLarge("The archive is larger than the "
                            + limits.maxArchiveSize().toMegabytes() + " MB allowed");
                })
                .get();
        InputStream expanded = compressed;
        if (gzip) {
            long maxRatio = limits.maxCompressionRatio();
            long checkAfter = limits.minRatioCheckSize().toBytes();
            BoundedInputStream[] counter = new BoundedInputStream[1];
            counter[0] = BoundedInputStream.builder()
                    .setInputStream(GzipCompressorInputStream.builder()
                            .setInputStream(compressed)
                            .setDecompressConcatenated(true)
                            .get())
                    .setAfterRead(read -> {
                        long out = counter[0].getCount();
                        if (out > checkAfter && out > maxRatio * Math.max(1, compressed.getCount())) {
                            throw ArchiveRejected.badRequest(
                                    "compression-ratio-exceeded",
                                    "The archive expands more than " + maxRatio
                                            + " times its compressed size (a decompression bomb?)");
                        }
                    })
                    .get();
            expanded = counter[0];
        }
        this.tar = new TarArchiveInputStream(expanded);
    }

    @Override
    public @Nullable SourceFile next() throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            guard.countEntry();
            String path = guard.normalizePath(entry.getName());
            rejectSpecial(entry);
            if (path == null || entry.isDirectory()) {
                continue;
            }
            guard.checkSize(entry.getName(), entry.getSize());
            byte[] bytes = tar.readNBytes((int) entry.getSize());
            String text = EntryGuard.decode(path, bytes);
            if (text == null) {
                skipped++;
                continue;
            }
            return new SourceFile(path, text, bytes.length);
        }
        return null;
    }

    private static void rejectSpecial(TarArchiveEntry entry) throws ArchiveRejected {
        String kind = null;
        if (entry.isSymbolicLink()) {
            kind = "a symbolic link";
        } else if (entry.isLink()) {
            kind = "a hard link";
        } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            kind = "a device";
        } else if (entry.isFIFO()) {
            kind = "a FIFO";
        } else if (!entry.isFile() && !entry.isDirectory()) {
            kind = "not a regular file";
        }
        if (kind != null) {
            throw ArchiveRejected.badRequest(
                    "entry-not-regular-file",
                    "Entry '" + entry.getName() + "' is " + kind + "; only regular files and directories are allowed");
        }
    }

    @Override
    public int skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
