package dev.mcpstack.testsupport.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

class TarArchiveBuilderTest {

    @Test
    void writesHostileEntriesExactlyAsGiven() throws IOException {
        byte[] tarGz = TarArchiveBuilder.create()
                .file("src/A.java", "class A {}")
                .file("../escape.txt", "x")
                .file("/etc/passwd", "root")
                .symlink("link", "/etc/shadow")
                .hardlink("hard", "src/A.java")
                .characterDevice("dev/null")
                .fifo("pipe")
                .toTarGz();

        List<TarArchiveEntry> entries = read(GzipCompressorInputStream.builder()
                .setInputStream(new ByteArrayInputStream(tarGz))
                .setDecompressConcatenated(true)
                .get());

        assertThat(entries)
                .extracting(TarArchiveEntry::getName)
                .containsExactly("src/A.java", "../escape.txt", "/etc/passwd", "link", "hard", "dev/null", "pipe");
        assertThat(entries.get(3).isSymbolicLink()).isTrue();
        assertThat(entries.get(3).getLinkName()).isEqualTo("/etc/shadow");
        assertThat(entries.get(4).isLink()).isTrue();
        assertThat(entries.get(5).isCharacterDevice()).isTrue();
        assertThat(entries.get(6).isFIFO()).isTrue();
    }

    @Test
    void streamsLargeFilledEntriesAndManyFiles() throws IOException {
        byte[] tar = TarArchiveBuilder.create()
                .filledFile("big.txt", 3_000_000, (byte) 'a')
                .manyFiles("many", 20)
                .binaryFile("bin.dat", 100)
                .nonUtf8File("latin1.txt")
                .toTar();

        List<TarArchiveEntry> entries = read(new ByteArrayInputStream(tar));

        assertThat(entries).hasSize(23);
        assertThat(entries.get(0).getSize()).isEqualTo(3_000_000);
    }

    private static List<TarArchiveEntry> read(InputStream in) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
