package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.common.logging.SeedLevels;
import dev.mcpstack.common.testapp.TestAppTest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TestAppTest
class HealthAndMetricsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Test
    void healthAnswersHealthyWithPoolNumbersFromTheRunningPool() {
        // On a loaded machine a probe can be slow (degraded) for a moment: wait for a healthy reading.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                getJson("/health", HttpStatus.OK).path("status").asString())
                        .isEqualTo("healthy"));
        JsonNode health = getJson("/health", HttpStatus.OK);

        assertThat(health.path("status").asString()).isEqualTo("healthy");
        assertThat(health.path("database_status").asString()).isEqualTo("connected");
        assertThat(health.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(health.path("uptime_seconds").asDouble()).isPositive();
        JsonNode pool = health.path("connection_pool");
        assertThat(pool.path("max_size").asInt()).isEqualTo(4);
        assertThat(pool.path("min_size").asInt()).isEqualTo(2);
        assertThat(pool.path("size").asInt()).isBetween(0, 4);
        assertThat(pool.path("free").asInt())
                .isLessThanOrEqualTo(pool.path("size").asInt());
        assertThat(pool.has("utilization_percent")).isTrue();
        assertThat(health.has("details")).isTrue();
    }

    @Test
    void livenessAndReadinessGroupsAreUpAndReadinessIncludesTheDatabaseProbe() {
        assertThat(getJson("/actuator/health/liveness", HttpStatus.OK)
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(getJson("/actuator/health/readiness", HttpStatus.OK)
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(getJson("/readyz", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void requestAndErrorCountersMoveInBothMetricsViews() {
        double requestsBefore = counterSum(metricsJson(), "test_mcp_requests_total", "/mcp/notes", "200");
        double errorsBefore = counterSum(metricsJson(), "test_mcp_errors_total", "/mcp/boom", "500");

        web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
        web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
        web.get().uri("/mcp/boom").exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);

        MetricsSnapshot json = metricsJson();
        assertThat(counterSum(json, "test_mcp_requests_total", "/mcp/notes", "200"))
                .isEqualTo(requestsBefore + 2);
        assertThat(counterSum(json, "test_mcp_errors_total", "/mcp/boom", "500"))
                .isEqualTo(errorsBefore + 1);

        String text = metricsText("/metrics");
        assertThat(text)
                .containsPattern(
                        "test_mcp_requests_total\\{.*route=\"/mcp/notes\".*status=\"200\".*} " + (requestsBefore + 2))
                .contains("test_mcp_errors_total{");
    }

    @Test
    void jsonHistogramsHaveCumulativeSortedBucketsEndingAtTheirCount() {
        web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
        MetricsSnapshot json = metricsJson();

        List<JsonNode> httpHistograms = json.histograms().stream()
                .filter(h -> h.path("name").asString().equals("http_server_requests_seconds"))
                .toList();
        assertThat(httpHistograms).hasSize(1);
        JsonNode histogram = httpHistograms.get(0);
        JsonNode buckets = histogram.path("buckets");
        assertThat(buckets.size()).isGreaterThan(10);
        double previousLe = Double.NEGATIVE_INFINITY;
        long previousCount = 0;
        for (int i = 0; i < buckets.size() - 1; i++) {
            JsonNode bucket = buckets.get(i);
            assertThat(bucket.path("bucket_le").isNumber()).isTrue();
            assertThat(bucket.path("bucket_le").asDouble()).isGreaterThan(previousLe);
            assertThat(bucket.path("count").asLong()).isGreaterThanOrEqualTo(previousCount);
            previousLe = bucket.path("bucket_le").asDouble();
            previousCount = bucket.path("count").asLong();
        }
        JsonNode last = buckets.get(buckets.size() - 1);
        assertThat(last.path("bucket_le").asString()).isEqualTo("Infinity");
        assertThat(last.path("count").asLong())
                .isGreaterThanOrEqualTo(previousCount)
                .isEqualTo(histogram.path("count").asLong())
                .isPositive();
        long seriesTotal = histogram
                .path("series")
                .valueStream()
                .peek(series -> assertThat(
                                series.path("labels").path("application").asString())
                        .isEqualTo("test-mcp"))
                .mapToLong(series -> series.path("count").asLong())
                .sum();
        assertThat(seriesTotal).isEqualTo(histogram.path("count").asLong());
    }

    @Test
    void jsonCountersTotalTheirLabelledSeries() {
        web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
        JsonNode requests = metricsJson().counters().stream()
                .filter(c -> c.path("name").asString().equals("test_mcp_requests_total"))
                .findFirst()
                .orElseThrow();

        long total = requests.path("series")
                .valueStream()
                .mapToLong(series -> series.path("value").asLong())
                .sum();
        assertThat(requests.path("value").isIntegralNumber()).isTrue();
        assertThat(requests.path("value").asLong()).isEqualTo(total).isPositive();
        assertThat(requests.path("help_text").asString()).isNotBlank();
    }

    @Test
    void prometheusTextIsValidAndCarriesHttpJvmPoolAndServiceMetrics() {
        web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
        for (String path : List.of("/metrics", "/actuator/prometheus")) {
            String text = metricsText(path);
            PrometheusText.assertValid(text);
            assertThat(text)
                    .contains("http_server_requests_seconds_bucket{")
                    .contains("application=\"test-mcp\"")
                    .contains("jvm_memory_used_bytes")
                    .contains("r2dbc_pool_")
                    .contains("test_mcp_requests_total")
                    .contains("test_mcp_errors_total")
                    .contains("test_mcp_database_up");
        }
    }

    @Test
    void jitCompilationTimeIsExposedInSecondsAndCounts() {
        String metrics = metricsText("/metrics");
        String line = metrics.lines()
                .filter(l -> l.startsWith("jvm_compilation_seconds_total{"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no jvm_compilation_seconds_total sample in /metrics"));
        // a Spring context has been compiled into existence by now: seconds of JIT time, not zero, not milliseconds
        assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .isPositive()
                .isLessThan(3_600);
        assertThat(metrics).doesNotContain("jvm_compilation_time_ms");
    }

    @Test
    void metricsAnswersPrometheusTextToScrapersAndClientsWithoutPreference() {
        for (String accept :
                List.of("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", "*/*")) {
            web.get()
                    .uri("/metrics")
                    .header(HttpHeaders.ACCEPT, accept)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith("text/plain"))
                    .expectBody(String.class)
                    .value(text -> assertThat(text).contains("# TYPE test_mcp_requests_total counter"));
        }
        web.get()
                .uri("/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void prometheusTextPassesPromtool() {
        web.get().uri("/mcp/notes").exchange().expectStatus().isOk();
        PrometheusText.assertPromtoolAccepts(metricsText("/metrics"));
        PrometheusText.assertPromtoolAccepts(metricsText("/actuator/prometheus"));
    }

    @Test
    void errorsOutsideControllersAreProblemDetails() {
        web.get()
                .uri("/no/such/route")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://mcp-stack.dev/problems/not-found")
                .jsonPath("$.status")
                .isEqualTo(404);
        web.delete()
                .uri("/health")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://mcp-stack.dev/problems/method-not-allowed");
        web.post()
                .uri("/mcp/notes")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post()
                .uri("/mcp/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get()
                .uri("/mcp/boom")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The server failed to handle the request")
                .jsonPath("$.trace")
                .doesNotExist();
    }

    @Test
    void bodiesAboveTheCapGet413ProblemDetails() {
        String big = "{\"text\":\"" + "x".repeat(1_100_000) + "\"}";
        web.post()
                .uri("/mcp/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://mcp-stack.dev/problems/payload-too-large");
    }

    @Test
    void logLinesAreJsonWithEventAndContext(CapturedOutput output) {
        LoggerFactory.getLogger("dev.mcpstack.test")
                .atInfo()
                .addKeyValue("event", "index_completed")
                .addKeyValue("files", 42)
                .log("Indexed {} files", 42);
        LoggerFactory.getLogger("dev.mcpstack.test").info("plain line");
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put("spanId", "00f067aa0ba902b7");
        try {
            LoggerFactory.getLogger("dev.mcpstack.test").warn("traced line", new IllegalStateException("kaput"));
        } finally {
            MDC.clear();
        }

        List<JsonNode> lines = JsonLines.parse(output);
        JsonNode indexed = lines.stream()
                .filter(line -> line.path("event").asString().equals("index_completed"))
                .findFirst()
                .orElseThrow();
        assertThat(indexed.path("message").asString()).isEqualTo("Indexed 42 files");
        assertThat(indexed.path("level").asString()).isEqualTo("INFO");
        assertThat(indexed.path("logger").asString()).isEqualTo("dev.mcpstack.test");
        assertThat(indexed.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(indexed.path("context").path("files").asInt()).isEqualTo(42);
        assertThat(indexed.path("context").has("event")).isFalse();
        JsonNode plain = lines.stream()
                .filter(line -> line.path("message").asString().equals("plain line"))
                .findFirst()
                .orElseThrow();
        assertThat(plain.path("event").asString()).isEqualTo("log");
        assertThat(plain.path("context").isObject()).isTrue();
        assertThat(plain.has("trace_id")).isFalse();
        JsonNode traced = lines.stream()
                .filter(line -> line.path("message").asString().equals("traced line"))
                .findFirst()
                .orElseThrow();
        assertThat(traced.path("level").asString()).isEqualTo("WARNING");
        assertThat(lines)
                .as("every line carries one of the seed's level names")
                .allSatisfy(line -> assertThat(line.path("level").asString()).isIn(SeedLevels.NAMES));
        assertThat(traced.path("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(traced.path("span_id").asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(traced.path("error").path("type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(traced.path("error").path("message").asString()).isEqualTo("kaput");
        assertThat(traced.path("error").path("stack_trace").asString()).contains("HealthAndMetricsTest");
    }

    @Test
    void slowQueriesAreLogged(CapturedOutput output) {
        web.mutate()
                .responseTimeout(Duration.ofSeconds(10))
                .build()
                .get()
                .uri("/mcp/slow")
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<JsonNode> slow = JsonLines.events(output, "slow_query");
            assertThat(slow).isNotEmpty();
            assertThat(slow.get(0).path("context").path("duration_ms").asLong()).isGreaterThanOrEqualTo(1000);
            assertThat(slow.get(0).path("context").path("sql").asString()).contains("pg_sleep");
        });
    }

    private JsonNode getJson(String path, HttpStatus status) {
        byte[] body = web.get()
                .uri(path)
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    private String metricsText(String path) {
        // the exposition outgrows WebTestClient's default 256 KB once the tests before have registered their meters
        return web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri(path)
                .accept(MediaType.TEXT_PLAIN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith("text/plain"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    record MetricsSnapshot(List<JsonNode> counters, List<JsonNode> histograms) {}

    private MetricsSnapshot metricsJson() {
        JsonNode json = getJson("/metrics", HttpStatus.OK);
        return new MetricsSnapshot(
                json.path("counters").valueStream().toList(),
                json.path("histograms").valueStream().toList());
    }

    private static double counterSum(MetricsSnapshot json, String name, String route, @Nullable String status) {
        return json.counters().stream()
                .filter(c -> c.path("name").asString().equals(name))
                .flatMap(c -> c.path("series").valueStream())
                .filter(series -> series.path("labels").path("route").asString().equals(route))
                .filter(series -> status == null
                        || series.path("labels").path("status").asString().equals(status))
                .mapToDouble(series -> series.path("value").asDouble())
                .sum();
    }
}
