package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A strict check of the Prometheus text exposition format 0.0.4 (the Java client has no parser), plus
 * {@code promtool check metrics} when promtool is installed.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    private PrometheusText() {}

    static void assertValid(String text) {
        assertThat(text).endsWith("\n");
        Set<String> typed = new HashSet<>();
        Map<String, String> types = new HashMap<>();
        String family = null;
        Map<String, Double> lastBucket = new HashMap<>();
        int samples = 0;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                assertThat(typed.add(type.group(1)))
                        .as("TYPE declared twice: %s", line)
                        .isTrue();
                family = type.group(1);
                types.put(family, type.group(2));
                continue;
            }
            if (line.startsWith("#")) {
                assertThat(HELP.matcher(line).matches())
                        .as("bad comment line: %s", line)
                        .isTrue();
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("bad sample line: %s", line).isTrue();
            String name = sample.group(1);
            assertThat(family).as("sample before any TYPE: %s", line).isNotNull();
            String base = family.endsWith("_total") ? family.substring(0, family.length() - 6) : family;
            assertThat(name)
                    .as("sample outside its family %s: %s", family, line)
                    .startsWith(base);
            double value = parseValue(sample.group(4), line);
            String labels = sample.group(3) == null ? "" : sample.group(3);
            String le = null;
            if (!labels.isEmpty()) {
                Matcher label = LABEL.matcher(labels);
                int end = 0;
                Set<String> names = new HashSet<>();
                while (label.find() && label.start() == end) {
                    assertThat(names.add(label.group(1)))
                            .as("duplicate label in %s", line)
                            .isTrue();
                    if (label.group(1).equals("le")) {
                        le = label.group(2);
                    }
                    end = label.end();
                }
                assertThat(end).as("bad labels in %s", line).isEqualTo(labels.length());
            }
            if ("histogram".equals(types.get(family)) && name.endsWith("_bucket")) {
                assertThat(le).as("bucket without le: %s", line).isNotNull();
                String series = name + labels.replaceAll("le=\"[^\"]*\",?", "");
                Double previous = lastBucket.put(series, value);
                if (previous != null && !le.equals("+Inf") && parseValue(le, line) > 0) {
                    assertThat(value).as("buckets not cumulative: %s", line).isGreaterThanOrEqualTo(previous);
                }
            }
            samples++;
        }
        assertThat(samples).isPositive();
    }

    private static double parseValue(String value, String line) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    yield fail("bad value in " + line);
                }
            }
        };
    }

    /**
     * Runs {@code promtool check metrics}; skipped (not failed) when promtool is not on the PATH and CI is not
     * {@code true}. Any finding fails: a parse error (exit 1) or a lint finding (exit 3) on any metric, ours or
     * Micrometer's (mcp-common's PrometheusLint keeps those clean).
     */
    static void assertPromtoolAccepts(String text) {
        File promtool = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "promtool");
            if (candidate.canExecute()) {
                promtool = candidate;
                break;
            }
        }
        if (promtool == null) {
            assertThat(System.getenv("CI"))
                    .as("promtool is required when CI=true")
                    .isNotEqualTo("true");
            Assumptions.abort("promtool is not installed: skipping promtool check metrics");
        }
        try {
            Process process = new ProcessBuilder(promtool.getPath(), "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("promtool check metrics said:%n%s", report)
                    .isZero();
            assertThat(report).isBlank();
        } catch (IOException e) {
            fail("promtool could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted", e);
        }
    }
}
