package dev.mcpstack.codebase.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Cuts a batch of files into chunks and encodes them as COPY rows for the {@code chunks} table. */
final class ChunkEncoder {

    static final String COPY_CHUNKS = "COPY chunks (id, repository_id, file_path, language, start_line, end_line,"
            + " content, rank_vector, search_vector) FROM STDIN";

    /**
     * The rows of one batch, how many chunks they hold, the batch's files for the {@code files} table and its
     * lexemes' chunk counts for {@code term_stats}.
     */
    record Encoded(byte[] rows, int chunks, List<IndexRun.FileRow> files, TermCounts terms) {}

    private ChunkEncoder() {}

    static Encoded encode(List<SourceFile> batch, UUID repositoryId, int chunkLines) {
        String repository = repositoryId.toString();
        TermCounts terms = new TermCounts(16_384);
        SearchVector vector = new SearchVector(terms);
        int capacity = 0;
        for (SourceFile file : batch) {
            capacity += file.content().length() * 2 + 256;
        }
        CopyRows rows = new CopyRows(capacity);
        List<IndexRun.FileRow> files = new ArrayList<>(batch.size());
        int chunks = 0;
        for (SourceFile file : batch) {
            String content = file.content();
            String language = Languages.of(file.path());
            List<String> pathTerms = SearchVector.pathTerms(file.path());
            String fileName = SearchVector.fileNameTerm(file.path());
            List<Chunker.Span> spans = Chunker.split(content, chunkLines);
            for (Chunker.Span span : spans) {
                if (isBlank(content, span.startOffset(), span.endOffset())) {
                    continue;
                }
                rows.column(UUID.randomUUID())
                        .column(repository)
                        .text(file.path())
                        .text(language)
                        .column(span.startLine())
                        .column(span.endLine())
                        .text(content, span.startOffset(), span.endOffset());
                vector.write(pathTerms, fileName, content, span.startOffset(), span.endOffset(), rows);
                rows.endRow();
                chunks++;
            }
            int lineCount = spans.isEmpty() ? 0 : spans.get(spans.size() - 1).endLine();
            files.add(new IndexRun.FileRow(file.path(), language, lineCount, file.sizeBytes()));
        }
        return new Encoded(rows.drain(), chunks, files, terms);
    }

    private static boolean isBlank(String content, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(content.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
