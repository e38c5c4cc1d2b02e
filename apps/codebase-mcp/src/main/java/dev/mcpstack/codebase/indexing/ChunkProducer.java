package dev.mcpstack.codebase.indexing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Pulls files from a {@link SourceEntries}, cuts them into chunks and encodes them as COPY rows for the
 * {@code chunks} table, about {@link #BATCH_CHARS} characters per buffer. Runs on an indexing worker thread.
 */
final class ChunkProducer implements AutoCloseable {

    static final String COPY_CHUNKS = "COPY chunks (id, repository_id, file_path, language, start_line, end_line,"
            + " content, search_vector) FROM STDIN";

    private static final int BATCH_CHARS = 512 * 1024;

    private final SourceEntries entries;
    private final IndexRun run;
    private final int chunkLines;
    private final CopyRows rows = new CopyRows(BATCH_CHARS + 64 * 1024);
    private final Set<String> paths = new HashSet<>();
    private boolean exhausted;

    ChunkProducer(SourceEntries entries, IndexRun run, int chunkLines) {
        this.entries = entries;
        this.run = run;
        this.chunkLines = chunkLines;
    }

    /** The next buffer of rows, or null when every file has been read. */
    @Nullable
    ByteBuf nextBatch() throws IOException {
        while (!exhausted && rows.length() < BATCH_CHARS) {
            SourceFile file = entries.next();
            if (file == null) {
                exhausted = true;
                run.filesSkipped = entries.skipped();
            } else {
                addFile(file);
            }
        }
        return rows.isEmpty() ? null : Unpooled.wrappedBuffer(rows.drain());
    }

    private void addFile(SourceFile file) throws ArchiveRejected {
        if (!paths.add(file.path())) {
            throw ArchiveRejected.badRequest(
                    "duplicate-entry", "Entry '" + file.path() + "' appears more than once in the archive");
        }
        String language = Languages.of(file.path());
        List<String> pathTerms = SearchVector.pathTerms(file.path());
        List<Chunker.Span> spans = Chunker.split(file.content(), chunkLines);
        String id = run.repositoryId.toString();
        for (Chunker.Span span : spans) {
            CharSequence text = file.content().subSequence(span.startOffset(), span.endOffset());
            if (text.toString().isBlank()) {
                continue;
            }
            rows.column(UUID.randomUUID())
                    .column(id)
                    .text(file.path())
                    .text(language)
                    .column(span.startLine())
                    .column(span.endLine())
                    .text(text)
                    .text(SearchVector.build(pathTerms, text));
            rows.endRow();
            run.chunksCreated++;
        }
        int lineCount = spans.isEmpty() ? 0 : spans.get(spans.size() - 1).endLine();
        run.files.add(new IndexRun.FileRow(file.path(), language, lineCount, file.sizeBytes()));
    }

    @Override
    public void close() throws IOException {
        entries.close();
    }
}
