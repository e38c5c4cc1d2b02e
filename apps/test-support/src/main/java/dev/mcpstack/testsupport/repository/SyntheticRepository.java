package dev.mcpstack.testsupport.repository;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * A deterministic, realistic multi-language source repository: Java, Python, TypeScript, Go, SQL and Markdown
 * files of 50 to 400 lines under module and package directories, declaring classes, methods and functions with
 * camelCase, PascalCase and snake_case names. The same seed and file count always give the same bytes.
 *
 * <p>Files are generated on demand (one at a time), so even 50 000 files never sit in memory together; 10 000
 * files are generated in well under a few seconds.
 *
 * <pre>{@code
 * SyntheticRepository repository = SyntheticRepository.of(42, 10_000);
 * repository.writeTarGz(out);                        // or writeTo(directory)
 * List<String> queries = repository.searchQueries(1_000);
 * }</pre>
 */
public final class SyntheticRepository {

    /** One file: its path relative to the repository root, its language and its UTF-8 text. */
    public record SourceFile(String path, String language, String content) {}

    /** A fixed entry time, so the same seed and count give byte-identical archives. */
    private static final FileTime MODIFIED = FileTime.fromMillis(1_700_000_000_000L);

    private final long seed;
    private final int fileCount;
    private final FileGenerator generator;

    private SyntheticRepository(long seed, int fileCount) {
        if (fileCount < 1) {
            throw new IllegalArgumentException("fileCount must be positive: " + fileCount);
        }
        this.seed = seed;
        this.fileCount = fileCount;
        this.generator = new FileGenerator(seed);
    }

    public static SyntheticRepository of(long seed, int fileCount) {
        return new SyntheticRepository(seed, fileCount);
    }

    public long seed() {
        return seed;
    }

    public int fileCount() {
        return fileCount;
    }

    /** File number {@code index} (0-based), generated afresh on every call. */
    public SourceFile file(int index) {
        if (index < 0 || index >= fileCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return generator.generate(index).file();
    }

    /** All files in order, generated lazily as the stream is consumed. */
    public Stream<SourceFile> files() {
        return IntStream.range(0, fileCount).mapToObj(this::file);
    }

    /** Writes the repository as a tar archive; the stream is left open. */
    public void writeTar(OutputStream out) {
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(CloseShieldOutputStream.wrap(out));
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < fileCount; i++) {
                SourceFile file = file(i);
                byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.path());
                entry.setSize(bytes.length);
                entry.setLastModifiedTime(MODIFIED);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
            tar.finish();
            tar.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the repository as a gzip-compressed tar archive (fast compression level); the stream is left open. */
    public void writeTarGz(OutputStream out) {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(1);
        try {
            // the gzip trailer is written by close(): a finish() before it would write a second one
            try (GzipCompressorOutputStream gzip =
                    new GzipCompressorOutputStream(CloseShieldOutputStream.wrap(out), parameters)) {
                writeTar(gzip);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every file under {@code directory}, creating directories as needed. */
    public void writeTo(Path directory) {
        try {
            for (int i = 0; i < fileCount; i++) {
                SourceFile file = file(i);
                Path target = directory.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code n} search queries a developer would type, each known to match at least one file: declared type names
     * ({@code InvoiceLedgerService}), method names ({@code validateInvoiceTotal}), snake_case function and table
     * names ({@code reconcile_payment_refund}) and multi-word phrases made of identifier parts ({@code invoice
     * ledger}). Deterministic for a given seed and file count.
     */
    public List<String> searchQueries(int n) {
        Supplier<String> source = searchQuerySource(0);
        List<String> queries = new ArrayList<>(n);
        while (queries.size() < n) {
            queries.add(source.get());
        }
        return queries;
    }

    /**
     * An endless source of queries like {@link #searchQueries}'s: {@code stream} 0 gives the same sequence, each
     * other value another one. For warm-ups that must keep asking new queries, as the measured ones are new to the
     * service (repeating a few hundred had codebase-mcp's term-statistics cache answer all of them). Safe to call
     * from several threads.
     */
    public Supplier<String> searchQuerySource(long stream) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EA4C4L ^ stream);
        return () -> {
            synchronized (random) {
                FileGenerator.Generated generated = generator.generate(random.nextInt(fileCount));
                List<String> methods = generated.methodNames();
                int kind = random.nextInt(10);
                if (kind < 4 || methods.isEmpty()) {
                    return generated.typeName();
                } else if (kind < 8) {
                    return methods.get(random.nextInt(methods.size()));
                }
                return String.join(" ", Identifiers.words(generated.typeName()));
            }
        };
    }
}
