package dev.mcpstack.codebase.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Untrusted archives: every way out of the limits is a 400 (413 for the compressed size) naming the reason. */
@CodebaseMcpTest(
        properties = {
            CodebaseMcpApplication.CONFIG_NAME,
            "codebase.index.max-entry-size=64KB",
            "codebase.index.max-entries=50",
            "codebase.index.max-expanded-size=256KB",
            "codebase.index.max-archive-size=128KB",
            "codebase.index.max-compression-ratio=50",
            "codebase.index.min-ratio-check-size=64KB"
        })
class HostileArchiveTest {

    private static final String OK_FILE = "class Fine {}\n";

    @Autowired
    WebTestClient client;

    @Autowired
    Api api;

    @Test
    void rejectsArchiveEntryEscapingRoot() {
        assertRejected(base().file("src/../../etc/cron.d/evil", "x"), "entry-path-traversal", "'..'");
    }

    @Test
    void rejectsAbsoluteEntryPath() {
        assertRejected(base().file("/etc/passwd", "root:x:0:0"), "entry-path-absolute", "/etc/passwd");
    }

    @Test
    void rejectsSymbolicLink() {
        assertRejected(base().symlink("src/link", "/etc/shadow"), "entry-not-regular-file", "symbolic link");
    }

    @Test
    void rejectsHardLink() {
        assertRejected(base().hardlink("src/hard", "/etc/shadow"), "entry-not-regular-file", "hard link");
    }

    @Test
    void rejectsCharacterDevice() {
        assertRejected(base().characterDevice("dev/null"), "entry-not-regular-file", "device");
    }

    @Test
    void rejectsFifo() {
        assertRejected(base().fifo("src/pipe"), "entry-not-regular-file", "FIFO");
    }

    @Test
    void rejectsEntryOverSizeCap() {
        assertRejected(base().filledFile("src/huge.txt", 65 * 1024, (byte) 'a'), "entry-too-large", "src/huge.txt");
    }

    @Test
    void rejectsTooManyEntries() {
        assertRejected(base().manyFiles("many", 60), "too-many-entries", "50");
    }

    @Test
    void rejectsArchiveExpandingPastTotalCap() {
        // source text compresses about 4:1: under the compressed cap and the ratio cap, over the expanded cap
        TarArchiveBuilder archive = base();
        StringBuilder source = new StringBuilder();
        SyntheticRepository.of(3, 400).files().forEach(file -> source.append(file.content()));
        for (int i = 0; i < 5; i++) {
            archive.file("src/part-" + i + ".txt", source.substring(i * 61_440, (i + 1) * 61_440));
        }
        assertRejected(archive.toTarGz(), Api.GZIP, "archive-too-large-expanded", "256 KB");
    }

    @Test
    void rejectsGzipBombByCompressionRatio() {
        TarArchiveBuilder archive = base();
        for (int i = 0; i < 4; i++) {
            archive.filledFile("src/spaces-" + i + ".txt", 60 * 1024, (byte) ' ');
        }
        assertRejected(archive.toTarGz(), Api.GZIP, "compression-ratio-exceeded", "50 times");
    }

    @Test
    void rejectsNonUtf8Text() {
        assertRejected(base().nonUtf8File("src/latin1.txt"), "entry-not-utf8", "src/latin1.txt");
    }

    @Test
    void rejectsDuplicateEntries() {
        assertRejected(base().file("src/Fine.java", "class Again {}\n"), "duplicate-entry", "src/Fine.java");
    }

    @Test
    void rejectsCorruptArchive() {
        assertRejected(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, Api.GZIP, "archive-unreadable", "could not be read");
    }

    @Test
    void answers413WhenArchiveExceedsByteCap() {
        TarArchiveBuilder archive = base();
        for (int i = 0; i < 3; i++) {
            archive.binaryFile("lib/blob-" + i + ".bin", 60 * 1024);
        }

        Map<String, Object> problem = Api.body(api.postArchive(Api.uniqueName("big"), archive.toTar(), Api.TAR)
                .expectStatus()
                .isEqualTo(413));

        assertThat(problem.get("type").toString()).endsWith("/archive-too-large");
    }

    @Test
    void rejectionLeavesNothingIndexed() {
        String name = Api.uniqueName("rejected");
        api.postArchive(name, base().symlink("x", "/etc").toTarGz(), Api.GZIP)
                .expectStatus()
                .isBadRequest();

        String list = client.get()
                .uri("/mcp/repositories")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(list).doesNotContain(name);
        assertThat(api.results(Map.of("query", "Fine", "file_path_prefix", "src/Fine")))
                .isEmpty();
    }

    private static TarArchiveBuilder base() {
        return TarArchiveBuilder.create().file("src/Fine.java", OK_FILE);
    }

    private void assertRejected(TarArchiveBuilder archive, String slug, String detailFragment) {
        assertRejected(archive.toTarGz(), Api.GZIP, slug, detailFragment);
    }

    private void assertRejected(byte[] body, MediaType type, String slug, String detailFragment) {
        Map<String, Object> problem = Api.body(api.postArchive(Api.uniqueName("hostile"), body, type)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("type").toString()).endsWith("/" + slug);
        assertThat(problem.get("detail").toString()).contains(detailFragment);
    }
}
