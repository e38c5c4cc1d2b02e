package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Ranking and filters over a small repository whose answers are known. */
@CodebaseMcpTest
class SearchRelevanceTest {

    private static final String LEDGER_SERVICE = """
            package com.shop.billing;

            import java.util.List;

            /** Keeps the ledger in line with issued invoices. */
            public class InvoiceLedgerService {

                private final List<String> entries;

                public InvoiceLedgerService(List<String> entries) {
                    this.entries = entries;
                }

                public int reconcileLedgerEntries(String accountId) {
                    return entries.size();
                }
            }
            """;

    private static final String ORDER_CONTROLLER = """
            package com.shop.orders;

            import com.shop.billing.InvoiceLedgerService;

            public class OrderController {

                private final InvoiceLedgerService invoiceLedgerService;

                public OrderController(InvoiceLedgerService invoiceLedgerService) {
                    // the InvoiceLedgerService is shared with the refund flow
                    this.invoiceLedgerService = invoiceLedgerService;
                }

                public void close(String accountId) {
                    invoiceLedgerService.reconcileLedgerEntries(accountId);
                }
            }
            """;

    private static final String PAYMENT_SYNC = """
            import logging

            log = logging.getLogger(__name__)


            def sync_payment_records(batch_size):
                \"\"\"Copies payment records from the gateway.\"\"\"
                log.info("syncing %s", batch_size)
                return batch_size
            """;

    private static final String PROFILE_CARD = """
            export function renderCard(name: string): string {
              return `<div class="card">${name}</div>`;
            }
            """;

    private static final String REFUND_POLICY = """
            package com.shop.payments;

            public class RefundPolicy {
                public boolean allows(int days) {
                    return days < 30;
                }
            }
            """;

    private static final String README = """
            # Shop

            The shop sells things. Payments are settled nightly.
            """;

    private static String repositoryId;
    private static String otherRepositoryId;

    @Autowired
    Api api;

    @BeforeEach
    void indexFixtureOnce() {
        if (repositoryId == null) {
            byte[] archive = fixture().toTarGz();
            repositoryId = (String)
                    api.indexTarGz(Api.uniqueName("relevance"), archive).get("repository_id");
            otherRepositoryId = (String)
                    api.indexTarGz(Api.uniqueName("relevance-copy"), archive).get("repository_id");
        }
    }

    private static TarArchiveBuilder fixture() {
        return TarArchiveBuilder.create()
                .file("src/main/java/com/shop/billing/InvoiceLedgerService.java", LEDGER_SERVICE)
                .file("src/main/java/com/shop/orders/OrderController.java", ORDER_CONTROLLER)
                .file("scripts/payment_sync.py", PAYMENT_SYNC)
                .file("web/src/components/user-profile-card.ts", PROFILE_CARD)
                .file("src/main/java/com/shop/payments/RefundPolicy.java", REFUND_POLICY)
                .file("README.md", README);
    }

    @Test
    void ranksDeclaringFileFirstForClassName() {
        List<Map<String, Object>> results = search("InvoiceLedgerService", Map.of());

        assertThat(results).hasSizeGreaterThanOrEqualTo(2);
        assertThat(results.get(0).get("file_path"))
                .isEqualTo("src/main/java/com/shop/billing/InvoiceLedgerService.java");
        assertThat(results)
                .extracting(hit -> hit.get("file_path"))
                .contains("src/main/java/com/shop/orders/OrderController.java");
    }

    @Test
    void findsCamelCaseIdentifierByItsWords() {
        List<Map<String, Object>> results = search("ledger entries", Map.of());

        assertThat(results)
                .extracting(hit -> hit.get("file_path"))
                .contains("src/main/java/com/shop/billing/InvoiceLedgerService.java");
        assertThat(results.get(0).get("file_path"))
                .isEqualTo("src/main/java/com/shop/billing/InvoiceLedgerService.java");
    }

    @Test
    void fallsBackToIdentifierWordsWhenNoExactMatch() {
        List<Map<String, Object>> results = search("LedgerInvoice", Map.of());

        assertThat(results)
                .extracting(hit -> hit.get("file_path"))
                .containsExactly(
                        "src/main/java/com/shop/billing/InvoiceLedgerService.java",
                        "src/main/java/com/shop/orders/OrderController.java");
    }

    @Test
    void matchesIdentifierInAnyCaseConvention() {
        assertThat(search("invoice_ledger_service", Map.of()))
                .extracting(hit -> hit.get("file_path"))
                .containsExactly(
                        "src/main/java/com/shop/billing/InvoiceLedgerService.java",
                        "src/main/java/com/shop/orders/OrderController.java");
    }

    @Test
    void findsSnakeCaseFunctionWholeSplitOrCamelCased() {
        for (String query : List.of("sync_payment_records", "payment records", "syncPaymentRecords")) {
            assertThat(search(query, Map.of()))
                    .as(query)
                    .first()
                    .satisfies(hit -> assertThat(hit.get("file_path")).isEqualTo("scripts/payment_sync.py"));
        }
    }

    @Test
    void findsFileByKebabCasePathWords() {
        assertThat(search("user profile card", Map.of()))
                .first()
                .satisfies(
                        hit -> assertThat(hit.get("file_path")).isEqualTo("web/src/components/user-profile-card.ts"));
    }

    @Test
    void ranksPathMatchAboveMentionInText() {
        List<Map<String, Object>> results = search("payments", Map.of());

        // payment_sync.py matches too (payment, an inflection), below the path match and the exact mention
        assertThat(results)
                .extracting(hit -> hit.get("file_path"))
                .startsWith("src/main/java/com/shop/payments/RefundPolicy.java", "README.md");
    }

    @Test
    void snippetShowsMatchingLinesWithNumbers() {
        Map<String, Object> first = search("reconcileLedgerEntries", Map.of()).get(0);

        assertThat((String) first.get("snippet"))
                .contains("14:     public int reconcileLedgerEntries(String accountId) {");
        assertThat(first).containsKeys("chunk_id", "repository_id", "start_line", "end_line", "score");
    }

    @Test
    void filtersByLanguage() {
        assertThat(search("accountId", Map.of("language", "python"))).isEmpty();
        assertThat(search("batch_size", Map.of("language", "python")))
                .extracting(hit -> hit.get("file_path"))
                .containsOnly("scripts/payment_sync.py");
    }

    @Test
    void filtersByFilePathPrefix() {
        assertThat(search("InvoiceLedgerService", Map.of("file_path_prefix", "src/main/java/com/shop/orders/")))
                .extracting(hit -> hit.get("file_path"))
                .containsOnly("src/main/java/com/shop/orders/OrderController.java");
    }

    @Test
    void filtersByRepository() {
        List<Map<String, Object>> all = api.results(Map.of("query", "RefundPolicy", "limit", 100));
        assertThat(all).extracting(hit -> hit.get("repository_id")).contains(repositoryId, otherRepositoryId);

        assertThat(search("RefundPolicy", Map.of()))
                .extracting(hit -> hit.get("repository_id"))
                .containsOnly(repositoryId);
    }

    @Test
    void reportsTotalCountAndLatency() {
        Map<String, Object> response =
                api.search(Map.of("query", "InvoiceLedgerService", "repository_id", repositoryId, "limit", 1));

        assertThat(response.get("results")).asList().hasSize(1);
        assertThat(((Number) response.get("total_count")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) response.get("latency_ms")).doubleValue()).isPositive();
    }

    @Test
    void treatsSqlAndQueryOperatorsAsText() {
        assertThat(search("'; DROP TABLE chunks; -- InvoiceLedgerService", Map.of()))
                .first()
                .satisfies(hit -> assertThat(hit.get("file_path"))
                        .isEqualTo("src/main/java/com/shop/billing/InvoiceLedgerService.java"));
        // ":*", "|" and "!" are no operators: both identifiers are searched for, neither excluded
        assertThat(search("InvoiceLedgerService:* | !OrderController", Map.of()))
                .extracting(hit -> hit.get("file_path"))
                .containsOnly(
                        "src/main/java/com/shop/orders/OrderController.java",
                        "src/main/java/com/shop/billing/InvoiceLedgerService.java");
        assertThat(search("InvoiceLedgerService", Map.of())).isNotEmpty();
    }

    private List<Map<String, Object>> search(String query, Map<String, Object> filters) {
        Map<String, Object> request = new HashMap<>(filters);
        request.put("query", query);
        request.putIfAbsent("repository_id", repositoryId);
        return api.results(request);
    }
}
