package dev.mcpstack.deployment.chart;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** helm/Chart.yaml, the fields the tests compare against. */
public record ChartMetadata(String name, String version, String appVersion) {

    public static ChartMetadata read() {
        try {
            return YAMLMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(Chart.directory().resolve("Chart.yaml").toFile(), ChartMetadata.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
