package dev.mcpstack.codebase.indexing;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The text files of an archive or a directory, read one at a time on a worker thread (blocking I/O). */
interface SourceEntries extends Closeable {

    /** The next text file, or null when there are no more; binaries are skipped (and counted) silently. */
    @Nullable
    SourceFile next() throws IOException;

    /** Files skipped so far because they are binary (or, in a directory, links and special files). */
    int skipped();
}
