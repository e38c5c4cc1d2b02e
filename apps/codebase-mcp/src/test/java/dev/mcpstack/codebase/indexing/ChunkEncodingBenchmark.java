package dev.mcpstack.codebase.indexing;

import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The Java side of indexing alone (tar.gz parsing, chunking, search vectors, COPY encoding) on one thread, without
 * the database: separates our CPU cost from PostgreSQL's. Runs only with {@code -Pbenchmark}.
 */
@Tag("benchmark")
class ChunkEncodingBenchmark {

    @Test
    void encodeGeneratedRepository() throws Exception {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        SyntheticRepository.of(42, 10_000).writeTarGz(archive);
        IndexProperties limits = new IndexProperties(
                List.<Path>of(),
                DataSize.ofMegabytes(512),
                DataSize.ofGigabytes(2),
                DataSize.ofMegabytes(4),
                200_000,
                100,
                DataSize.ofMegabytes(16),
                1024,
                50,
                1);
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            IndexRun run = new IndexRun("encoding");
            long bytes = 0;
            int chunks = 0;
            try (FileBatches batches = new FileBatches(
                    new TarSourceEntries(new ByteArrayInputStream(archive.toByteArray()), true, limits), run)) {
                List<SourceFile> batch;
                while ((batch = batches.next()) != null) {
                    ChunkEncoder.Encoded encoded = ChunkEncoder.encode(batch, UUID.randomUUID(), 50);
                    bytes += encoded.rows().length;
                    chunks += encoded.chunks();
                }
            }
            System.out.printf(
                    "[benchmark] encoding round %d: %d ms, %d chunks, %.1f MB of COPY rows%n",
                    round, (System.nanoTime() - start) / 1_000_000, chunks, bytes / 1e6);
        }
    }
}
