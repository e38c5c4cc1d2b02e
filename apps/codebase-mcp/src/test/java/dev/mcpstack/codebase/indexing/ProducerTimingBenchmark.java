package dev.mcpstack.codebase.indexing;

import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

@Tag("benchmark")
class ProducerTimingBenchmark {
    @Test
    void time() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticRepository.of(42, 10_000).writeTarGz(out);
        IndexProperties p = new IndexProperties(
                List.<Path>of(),
                DataSize.ofMegabytes(512),
                DataSize.ofGigabytes(2),
                DataSize.ofMegabytes(4),
                200000,
                100,
                DataSize.ofMegabytes(16),
                1024,
                50,
                4);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            IndexRun run = new IndexRun("x");
            long bytes = 0;
            int chunks = 0;
            try (FileBatches batches =
                    new FileBatches(new TarSourceEntries(new ByteArrayInputStream(out.toByteArray()), true, p), run)) {
                List<SourceFile> batch;
                while ((batch = batches.next()) != null) {
                    var e = ChunkEncoder.encode(batch, java.util.UUID.randomUUID(), 50);
                    bytes += e.rows().length;
                    chunks += e.chunks();
                }
            }
            System.out.println("[timing] producer ms=" + (System.nanoTime() - t0) / 1_000_000 + " chunks=" + chunks
                    + " copyBytes=" + bytes);
            long t1 = System.nanoTime();
            int n = 0;
            try (TarSourceEntries e = new TarSourceEntries(new ByteArrayInputStream(out.toByteArray()), true, p)) {
                while (e.next() != null) n++;
            }
            System.out.println("[timing] parse only ms=" + (System.nanoTime() - t1) / 1_000_000 + " files=" + n);
        }
    }
}
