package dev.mcpstack.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Seeded random requests: whatever arrives, the answer is never a 5xx. */
@CodebaseMcpTest
class FuzzedInputTest {

    private static final String[] FRAGMENTS = {
        "'",
        "\"",
        "\\",
        "&",
        "|",
        "!",
        ":*",
        "<->",
        "(",
        ")",
        "--",
        ";",
        "%",
        "_",
        "\u0000",
        "\uD83D\uDE00",
        "é",
        "DROP TABLE chunks",
        "OrderService",
        "a",
        "x_y",
        "fooBar",
        " ",
        "\n",
        "\t",
        "$1",
        "::tsquery",
        "*"
    };

    @Autowired
    WebTestClient client;

    @Test
    void neverAnswers5xxToFuzzedRequests() {
        SplittableRandom random = new SplittableRandom(20_26);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> search = new HashMap<>();
            search.put("query", text(random));
            if (random.nextBoolean()) {
                search.put("limit", random.nextInt(-5, 120));
            }
            if (random.nextInt(4) == 0) {
                search.put("language", text(random));
            }
            if (random.nextInt(4) == 0) {
                search.put("file_path_prefix", text(random));
            }
            if (random.nextInt(4) == 0) {
                search.put("repository_id", text(random));
            }
            statuses.add(status(client.post()
                    .uri("/mcp/search")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(search)
                    .exchange()));
            statuses.add(status(client.post()
                    .uri("/mcp/chunks/lookup")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("chunk_ids", List.of(text(random))))
                    .exchange()));
            statuses.add(
                    status(client.get().uri("/mcp/chunks/{id}", text(random)).exchange()));
            byte[] body = new byte[random.nextInt(1, 2048)];
            random.nextBytes(body);
            if (random.nextBoolean()) {
                body[0] = 0x1f;
                body[1 % body.length] = (byte) 0x8b;
            }
            statuses.add(status(client.post()
                    .uri("/mcp/index?repository=fuzz-" + i)
                    .contentType(random.nextBoolean() ? Api.GZIP : Api.TAR)
                    .bodyValue(body)
                    .exchange()));
        }
        assertThat(statuses)
                .hasSize(400)
                .allSatisfy(status -> assertThat(status).isLessThan(500));
    }

    private static int status(WebTestClient.ResponseSpec response) {
        return response.returnResult(String.class).getStatus().value();
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(0, 8);
        for (int i = 0; i < parts; i++) {
            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return text.toString();
    }
}
