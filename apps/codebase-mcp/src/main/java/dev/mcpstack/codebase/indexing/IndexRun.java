package dev.mcpstack.codebase.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The counters and file list of one indexing request. Written only by the worker thread producing chunks and read
 * after that stream has completed (the reactive completion signal orders the two).
 */
final class IndexRun {

    record FileRow(String path, String language, int lineCount, long sizeBytes) {}

    final String repositoryName;
    final long startedNanos = System.nanoTime();
    final List<FileRow> files = new ArrayList<>();
    final TermCounts terms = new TermCounts(65_536);
    UUID repositoryId = new UUID(0, 0);
    int chunksCreated;
    int filesSkipped;

    @Nullable
    Throwable failure;

    IndexRun(String repositoryName) {
        this.repositoryName = repositoryName;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
