package dev.mcpstack.testsupport.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Fluent builder of tar and tar.gz archives, with the normal entries a repository has and the hostile ones an
 * indexer must refuse (names escaping the root, absolute names, links, devices, fifos, oversized or numerous
 * entries, binary and non-UTF-8 content). Entry names are written exactly as given (absolute names are kept).
 *
 * <pre>{@code
 * byte[] body = TarArchiveBuilder.create()
 *         .file("src/Main.java", "class Main {}")
 *         .symlink("evil", "/etc/passwd")
 *         .toTarGz();
 * }</pre>
 */
public final class TarArchiveBuilder {

    private static final int FILL_CHUNK = 64 * 1024;

    @FunctionalInterface
    private interface EntryWriter {
        void writeTo(TarArchiveOutputStream tar) throws IOException;
    }

    private final List<EntryWriter> entries = new ArrayList<>();

    private TarArchiveBuilder() {}

    public static TarArchiveBuilder create() {
        return new TarArchiveBuilder();
    }

    /** A regular file with UTF-8 text. */
    public TarArchiveBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A regular file with the given bytes. */
    public TarArchiveBuilder file(String name, byte[] content) {
        byte[] copy = content.clone();
        entries.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(copy.length);
            tar.putArchiveEntry(entry);
            tar.write(copy);
            tar.closeArchiveEntry();
        });
        return this;
    }

    /**
     * A regular file of {@code size} bytes all equal to {@code fill}, streamed so it never sits in memory: an
     * oversized entry, or (with gzip) an expansion bomb, since identical bytes compress about 1000 to 1.
     */
    public TarArchiveBuilder filledFile(String name, long size, byte fill) {
        entries.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            byte[] block = new byte[FILL_CHUNK];
            Arrays.fill(block, fill);
            for (long left = size; left > 0; left -= block.length) {
                tar.write(block, 0, (int) Math.min(block.length, left));
            }
            tar.closeArchiveEntry();
        });
        return this;
    }

    /** {@code count} small distinct text files {@code directory/file-N.txt}: an archive with too many entries. */
    public TarArchiveBuilder manyFiles(String directory, int count) {
        for (int i = 0; i < count; i++) {
            file(directory + "/file-" + i + ".txt", "line " + i + "\n");
        }
        return this;
    }

    /** Deterministic bytes with NULs and control characters, as a compiled class or image would have. */
    public TarArchiveBuilder binaryFile(String name, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        if (size > 0) {
            bytes[0] = 0;
        }
        return file(name, bytes);
    }

    /** Text in ISO-8859-1 that is not valid UTF-8 (a lone 0xE9 and 0xFC), without any NUL byte. */
    public TarArchiveBuilder nonUtf8File(String name) {
        return file(name, "caf\u00e9 = \"gr\u00fcn\"\nsecond line\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    public TarArchiveBuilder directory(String name) {
        String dirName = name.endsWith("/") ? name : name + "/";
        entries.add(tar -> {
            tar.putArchiveEntry(new TarArchiveEntry(dirName, true));
            tar.closeArchiveEntry();
        });
        return this;
    }

    public TarArchiveBuilder symlink(String name, String target) {
        return special(name, TarConstants.LF_SYMLINK, target);
    }

    public TarArchiveBuilder hardlink(String name, String target) {
        return special(name, TarConstants.LF_LINK, target);
    }

    public TarArchiveBuilder characterDevice(String name) {
        return special(name, TarConstants.LF_CHR, null);
    }

    public TarArchiveBuilder blockDevice(String name) {
        return special(name, TarConstants.LF_BLK, null);
    }

    public TarArchiveBuilder fifo(String name) {
        return special(name, TarConstants.LF_FIFO, null);
    }

    private TarArchiveBuilder special(String name, byte type, @Nullable String linkName) {
        entries.add(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
            if (linkName != null) {
                entry.setLinkName(linkName);
            }
            if (type == TarConstants.LF_CHR || type == TarConstants.LF_BLK) {
                entry.setDevMajor(1);
                entry.setDevMinor(3);
            }
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        return this;
    }

    /** Writes the uncompressed tar; the stream is flushed but left open. */
    public void writeTar(OutputStream out) {
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(CloseShieldOutputStream.wrap(out));
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (EntryWriter entry : entries) {
                entry.writeTo(tar);
            }
            tar.finish();
            tar.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the gzip-compressed tar; the stream is flushed but left open. */
    public void writeTarGz(OutputStream out) {
        try {
            // the gzip trailer is written by close(): a finish() before it would write a second one
            try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(CloseShieldOutputStream.wrap(out))) {
                writeTar(gzip);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toTar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTar(bytes);
        return bytes.toByteArray();
    }

    public byte[] toTarGz() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTarGz(bytes);
        return bytes.toByteArray();
    }
}
