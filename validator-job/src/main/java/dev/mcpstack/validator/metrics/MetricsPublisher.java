package dev.mcpstack.validator.metrics;

import dev.mcpstack.validator.report.ValidationReport;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a report's {@link ValidationMetrics}: {@code metrics.prom} (Prometheus text format, for a node
 * exporter's textfile collector or a human) and, when asked, a push to a Pushgateway. The run's figures replace the
 * previous run's group {@code job="mcp-validation"}; the last-success timestamp lives in its own group
 * ({@code job="mcp-validation", outcome="success"}), pushed only by runs that did not fail.
 */
public final class MetricsPublisher {

    public static final String FILE_NAME = "metrics.prom";
    public static final String JOB = "mcp-validation";

    private MetricsPublisher() {}

    public static Path writeFile(ValidationMetrics metrics, Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
                writer.write(out, metrics.registry().scrape());
                writer.write(out, metrics.successRegistry().scrape());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Pushes both groups; throws {@link UncheckedIOException} naming the Pushgateway when it cannot be reached. */
    public static void push(ValidationMetrics metrics, URI pushgateway) {
        try {
            gateway(pushgateway, metrics.registry(), false).push();
            if (metrics.successRegistry().scrape().size() > 0) {
                gateway(pushgateway, metrics.successRegistry(), true).push();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not push to the Pushgateway at " + pushgateway + ": " + e.getMessage(), e);
        }
    }

    /** Both at once, as {@code run} does at its end; {@code pushgateway} null writes the file only. */
    public static Path publish(ValidationReport report, Path directory, @Nullable URI pushgateway) {
        ValidationMetrics metrics = ValidationMetrics.of(report);
        Path file = writeFile(metrics, directory);
        if (pushgateway != null) {
            push(metrics, pushgateway);
        }
        return file;
    }

    private static PushGateway gateway(URI url, PrometheusRegistry registry, boolean success) {
        if (url.getHost() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                    "--pushgateway must be an http(s) URL like http://host:9091, not " + url);
        }
        int port = url.getPort() > 0 ? url.getPort() : 9091;
        PushGateway.Builder builder = PushGateway.builder()
                .address(url.getHost() + ":" + port)
                .scheme(url.getScheme().equals("https") ? Scheme.HTTPS : Scheme.HTTP)
                .job(JOB)
                .registry(registry)
                .connectionTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10));
        if (success) {
            builder.groupingKey("outcome", "success");
        }
        return builder.build();
    }
}
