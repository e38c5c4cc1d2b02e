package dev.mcpstack.codebase.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.testsupport.repository.SyntheticRepository;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@CodebaseMcpTest
class IndexingApiTest {

    private static final String JAVA = "package demo;\n\npublic class OrderService {\n\n"
            + "    public void placeOrder(String customerId) {\n        audit(customerId);\n    }\n}\n";

    @Autowired
    WebTestClient client;

    @Autowired
    Api api;

    @Test
    void indexesTarArchive() {
        String name = Api.uniqueName("tar");
        byte[] tar = TarArchiveBuilder.create()
                .directory("src")
                .file("src/OrderService.java", JAVA)
                .file("./README.md", "# Orders\n\nPlace orders here.\n")
                .toTar();

        Map<String, Object> result =
                Api.body(api.postArchive(name, tar, Api.TAR).expectStatus().isCreated());

        assertThat(result)
                .containsEntry("files_indexed", 2)
                .containsEntry("chunks_created", 2)
                .containsEntry("status", "completed")
                .containsKeys("repository_id", "duration_ms");
    }

    @Test
    void indexesTarGzOfGeneratedRepository() {
        SyntheticRepository repository = SyntheticRepository.of(7, 200);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        repository.writeTarGz(body);

        Map<String, Object> result = api.indexTarGz(Api.uniqueName("generated"), body.toByteArray());

        assertThat(result).containsEntry("files_indexed", 200);
        assertThat((Integer) result.get("chunks_created")).isGreaterThan(200);
        String query = repository.searchQueries(1).get(0);
        assertThat(api.results(Map.of("query", query, "repository_id", result.get("repository_id"))))
                .isNotEmpty();
    }

    @Test
    void skipsAndCountsBinaryFiles() {
        byte[] archive = TarArchiveBuilder.create()
                .file("src/OrderService.java", JAVA)
                .binaryFile("lib/app.jar", 4096)
                .toTarGz();

        Map<String, Object> result = api.indexTarGz(Api.uniqueName("binary"), archive);

        assertThat(result).containsEntry("files_indexed", 1).containsEntry("files_skipped", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reindexingReplacesChunksWithNewIds() {
        String name = Api.uniqueName("reindex");
        byte[] archive =
                TarArchiveBuilder.create().file("src/OrderService.java", JAVA).toTarGz();
        Map<String, Object> first = api.indexTarGz(name, archive);
        List<Object> oldIds = chunkIds(first.get("repository_id"));

        Map<String, Object> second = api.indexTarGz(name, archive);

        assertThat(second.get("repository_id")).isEqualTo(first.get("repository_id"));
        List<Object> newIds = chunkIds(second.get("repository_id"));
        assertThat(newIds).hasSize(oldIds.size()).doesNotContainAnyElementsOf(oldIds);
        Map<String, Object> lookup = api.lookup(oldIds);
        assertThat((List<?>) lookup.get("found")).isEmpty();
        assertThat((List<Object>) lookup.get("missing")).containsExactlyInAnyOrderElementsOf(oldIds);
    }

    @Test
    void searchSeesTheNewTermsRightAfterReindexing() {
        String name = Api.uniqueName("restats");
        Map<String, Object> first = api.indexTarGz(
                name,
                TarArchiveBuilder.create().file("src/OrderService.java", JAVA).toTarGz());
        Map<String, Object> before = Map.of("query", "invoice ledger", "repository_id", first.get("repository_id"));
        // looked up once, so the statistics (nothing found) are what search keeps for these words
        assertThat(api.results(before)).isEmpty();

        api.indexTarGz(
                name,
                TarArchiveBuilder.create()
                        .file("src/InvoiceLedger.java", JAVA.replace("OrderService", "InvoiceLedger"))
                        .toTarGz());

        assertThat(api.results(before))
                .extracting(hit -> hit.get("file_path"))
                .containsExactly("src/InvoiceLedger.java");
    }

    @Test
    @SuppressWarnings("unchecked")
    void lookupReportsFoundAndMissingChunks() {
        Map<String, Object> indexed = api.indexTarGz(
                Api.uniqueName("lookup"),
                TarArchiveBuilder.create().file("src/OrderService.java", JAVA).toTarGz());
        Object existing = chunkIds(indexed.get("repository_id")).get(0);
        String absent = UUID.randomUUID().toString();

        Map<String, Object> lookup = api.lookup(List.of(existing, absent));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) lookup.get("found");
        assertThat(found)
                .singleElement()
                .satisfies(chunk -> assertThat(chunk)
                        .containsEntry("chunk_id", existing)
                        .containsEntry("repository_id", indexed.get("repository_id"))
                        .containsEntry("file_path", "src/OrderService.java")
                        .containsEntry("language", "java")
                        .containsEntry("start_line", 1)
                        .containsEntry("end_line", 8));
        assertThat((List<Object>) lookup.get("missing")).containsExactly(absent);
    }

    @Test
    void getsChunkWithContent() {
        Map<String, Object> indexed = api.indexTarGz(
                Api.uniqueName("get"),
                TarArchiveBuilder.create().file("src/OrderService.java", JAVA).toTarGz());
        Object id = chunkIds(indexed.get("repository_id")).get(0);

        Map<String, Object> chunk = Api.body(client.get()
                .uri("/mcp/chunks/{id}", id)
                .exchange()
                .expectStatus()
                .isOk());

        assertThat(chunk)
                .containsEntry("chunk_id", id)
                .containsEntry("file_path", "src/OrderService.java")
                .containsEntry("language", "java")
                .containsEntry("content", JAVA);
    }

    @Test
    void deletesChunkThenAnswers404() {
        Map<String, Object> indexed = api.indexTarGz(
                Api.uniqueName("delete-chunk"),
                TarArchiveBuilder.create().file("src/OrderService.java", JAVA).toTarGz());
        Object id = chunkIds(indexed.get("repository_id")).get(0);

        client.delete().uri("/mcp/chunks/{id}", id).exchange().expectStatus().isNoContent();

        client.delete().uri("/mcp/chunks/{id}", id).exchange().expectStatus().isNotFound();
        client.get().uri("/mcp/chunks/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void listsAndDeletesRepositories() {
        String name = Api.uniqueName("listed");
        Map<String, Object> indexed = api.indexTarGz(
                name,
                TarArchiveBuilder.create()
                        .file("src/OrderService.java", JAVA)
                        .file("docs/a.md", "# A\n")
                        .toTarGz());
        Object id = indexed.get("repository_id");

        assertThat(repositories())
                .anySatisfy(repository -> assertThat(repository)
                        .containsEntry("repository_id", id)
                        .containsEntry("name", name)
                        .containsEntry("file_count", 2)
                        .containsEntry("chunk_count", 2)
                        .containsKey("indexed_at"));

        client.delete()
                .uri("/mcp/repositories/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(repositories())
                .noneSatisfy(repository ->
                        assertThat(repository.get("repository_id")).isEqualTo(id));
        client.delete()
                .uri("/mcp/repositories/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(api.results(Map.of("query", "OrderService", "repository_id", id)))
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> repositories() {
        return (List<Map<String, Object>>) Api.body(client.get()
                        .uri("/mcp/repositories")
                        .exchange()
                        .expectStatus()
                        .isOk())
                .get("repositories");
    }

    /** Ids of the chunks of OrderService.java (its path term is in every one of them), through search. */
    private List<Object> chunkIds(Object repositoryId) {
        return api.results(Map.of("query", "OrderService", "repository_id", repositoryId, "limit", 100)).stream()
                .map(hit -> hit.get("chunk_id"))
                .toList();
    }
}
