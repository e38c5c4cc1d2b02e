package dev.mcpstack.codebase.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The counters and file list of one indexing request. Written only by the worker thread producing chunks and read
 * after that stream has completed (the reactive completion signal orders the two); the failure fields are written
 * and read on different threads, hence volatile.
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
    private volatile Throwable readerFailure;

    private volatile boolean databaseFailedFirst;

    IndexRun(String repositoryName) {
        this.repositoryName = repositoryName;
    }

    /** The archive or directory could not be read; COPY only reports that as text, so the cause is kept here. */
    void readerFailed(Throwable failure) {
        readerFailure = failure;
    }

    /**
     * A database step failed. If the reader had not failed before, the database is the cause: what the reader
     * does afterwards (its input may be cut off with the request) says nothing about the archive.
     */
    void databaseFailed() {
        if (readerFailure == null) {
            databaseFailedFirst = true;
        }
    }

    /** The reader's failure when it came first and so is the cause of the request's failure, else null. */
    @Nullable
    Throwable readerFailureFirst() {
        return databaseFailedFirst ? null : readerFailure;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
