package dev.mcpstack.codebase.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads files from a {@link SourceEntries} in batches of about {@link #BATCH_CHARS} characters, so chunking and
 * encoding can run on several workers while reading stays sequential. Rejects a path seen twice.
 */
final class FileBatches implements AutoCloseable {

    private static final int BATCH_CHARS = 256 * 1024;

    private final SourceEntries entries;
    private final IndexRun run;
    private final Set<String> paths = new HashSet<>();

    FileBatches(SourceEntries entries, IndexRun run) {
        this.entries = entries;
        this.run = run;
    }

    /** The next batch, or null when every file has been read. */
    @Nullable
    List<SourceFile> next() throws IOException {
        List<SourceFile> batch = new ArrayList<>();
        int chars = 0;
        while (chars < BATCH_CHARS) {
            SourceFile file = entries.next();
            if (file == null) {
                run.filesSkipped = entries.skipped();
                break;
            }
            if (!paths.add(file.path())) {
                throw ArchiveRejected.badRequest(
                        "duplicate-entry", "Entry '" + file.path() + "' appears more than once in the archive");
            }
            batch.add(file);
            chars += file.content().length();
        }
        return batch.isEmpty() ? null : batch;
    }

    @Override
    public void close() throws IOException {
        entries.close();
    }
}
