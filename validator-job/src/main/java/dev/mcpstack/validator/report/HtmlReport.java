package dev.mcpstack.validator.report;

import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import java.util.List;
import java.util.Locale;

/**
 * report.html: one self-contained file (inline CSS and inline SVG drawn here, no scripts or external assets) so it
 * can be opened from a Job's artifacts or a ConfigMap without network access.
 */
final class HtmlReport {

    /** The scenario prefix of the capacity search's steps (LoadSuite): one table, not a chart per step. */
    private static final String CAPACITY_STEP = "capacity step";

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}
            table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}td,th{border:1px solid #ccc;padding:.3rem .6rem}
            th{background:#f3f3f3}.pass{color:#17692f;font-weight:600}.warning{color:#a66300;font-weight:600}
            .fail{color:#b00020;font-weight:600}.verdict{font-size:1.6rem}svg{background:#fafafa;border:1px solid #ddd;margin:.5rem 0}
            .note{color:#555;font-size:.85rem}""";

    private HtmlReport() {}

    static String render(ValidationReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Validation report</title><style>" + CSS + "</style></head><body>");
        html.append("<h1>Validation report</h1><p class=\"verdict ")
                .append(report.verdict().wireName())
                .append("\">")
                .append(report.verdict().wireName().toUpperCase(Locale.ROOT))
                .append("</p><p>target <b>")
                .append(esc(report.target()))
                .append("</b>, profile <b>")
                .append(esc(report.profile()))
                .append("</b>, ")
                .append(report.environment().cores())
                .append(" cores, JVM ")
                .append(esc(report.environment().jvmVersion()))
                .append(", ")
                .append(report.startedAt())
                .append("</p>");
        html.append("<h2>Checks</h2><table><tr><th>suite</th><th>check</th><th>status</th><th>detail</th></tr>");
        for (CheckResult check : report.checks()) {
            html.append("<tr><td>")
                    .append(esc(check.suite()))
                    .append("</td><td>")
                    .append(esc(check.name()))
                    .append("</td><td class=\"")
                    .append(check.status().wireName())
                    .append("\">")
                    .append(check.status().wireName())
                    .append("</td><td>")
                    .append(esc(check.detail()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        if (!report.benchmarks().isEmpty()) {
            html.append(
                    "<h2>Latency per operation</h2><p class=\"note\">bars: p50, p95, p99 (ms, log scale); red line: "
                            + "target; blue tick: baseline</p>");
            for (PerformanceBenchmarkResult result : report.benchmarks()) {
                html.append(percentileChart(result));
            }
        }
        List<LoadTestResult> steps = report.load().stream()
                .filter(load -> load.testScenario().startsWith(CAPACITY_STEP))
                .toList();
        if (!steps.isEmpty()) {
            html.append("<h2>Capacity steps</h2><table><tr><th>server</th><th>step</th><th>requests</th>"
                    + "<th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>errors</th></tr>");
            for (LoadTestResult step : steps) {
                html.append(String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td>%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%d</td></tr>",
                        esc(step.serverId()),
                        esc(step.testScenario()),
                        step.totalRequests(),
                        step.latencyP50Ms(),
                        step.latencyP95Ms(),
                        step.latencyP99Ms(),
                        step.failedRequests()));
            }
            html.append("</table>");
        }
        for (LoadTestResult load : report.load()) {
            if (load.testScenario().startsWith(CAPACITY_STEP)) {
                continue;
            }
            html.append("<h2>Load: ")
                    .append(esc(load.serverId()))
                    .append(" - ")
                    .append(esc(load.testScenario()))
                    .append("</h2>")
                    .append(String.format(
                            Locale.ROOT,
                            "<p>%d requests, %.1f req/s, p95 %.2f ms, errors %d</p>",
                            load.totalRequests(),
                            load.requestsPerSecond(),
                            load.latencyP95Ms(),
                            load.failedRequests()))
                    .append(timelineChart(load));
        }
        html.append(ResilienceReport.html(report.resilience()));
        html.append("</body></html>\n");
        return html.toString();
    }

    static String percentileChart(PerformanceBenchmarkResult result) {
        int width = 640;
        int left = 170;
        double[] values = {result.latencyP50Ms(), result.latencyP95Ms(), result.latencyP99Ms()};
        String[] labels = {"p50", "p95", "p99"};
        double max = Math.max(values[2], 1);
        if (result.targetThresholdMs() != null) {
            max = Math.max(max, result.targetThresholdMs());
        }
        if (result.baselineP95Ms() != null) {
            max = Math.max(max, result.baselineP95Ms());
        }
        double scaleMax = Math.log10(max * 1.5 + 1);
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"110\" role=\"img\" aria-label=\"%s %s\">",
                width,
                result.serverId(),
                result.operationType().wireName()));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"5\" y=\"18\" font-size=\"13\" font-weight=\"600\">%s %s</text>"
                        + "<text x=\"5\" y=\"36\" font-size=\"12\" class=\"%s\">%s</text>",
                esc(result.serverId().wireName()),
                esc(result.operationType().wireName()),
                result.passStatus().wireName(),
                result.passStatus().wireName()));
        for (int i = 0; i < 3; i++) {
            double w = x(values[i], scaleMax, width - left - 20);
            int y = 12 + i * 30;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%.2f ms</text>",
                    left,
                    y,
                    Math.max(1, w),
                    i == 1 ? colour(result.passStatus()) : "#9bb7d4",
                    left - 4,
                    y + 14,
                    labels[i],
                    left + Math.max(1, w) + 4,
                    y + 14,
                    values[i]));
        }
        if (result.targetThresholdMs() != null) {
            double tx = left + x(result.targetThresholdMs(), scaleMax, width - left - 20);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"5\" x2=\"%.1f\" y2=\"105\" stroke=\"#b00020\" stroke-width=\"2\"/>"
                            + "<text x=\"%.1f\" y=\"104\" font-size=\"10\" fill=\"#b00020\">target %.1f</text>",
                    tx,
                    tx,
                    tx + 3,
                    result.targetThresholdMs()));
        }
        if (result.baselineP95Ms() != null) {
            double bx = left + x(result.baselineP95Ms(), scaleMax, width - left - 20);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"38\" x2=\"%.1f\" y2=\"66\" stroke=\"#1f5fbf\" stroke-width=\"3\"/>",
                    bx,
                    bx));
        }
        return svg.append("</svg>").toString();
    }

    static String timelineChart(LoadTestResult load) {
        List<LoadTestResult.TimelinePoint> points = load.timeline();
        if (points.isEmpty()) {
            return "<p class=\"note\">no timeline</p>";
        }
        int width = 760;
        int height = 220;
        int pad = 40;
        long maxRequests = Math.max(
                1,
                points.stream()
                        .mapToLong(LoadTestResult.TimelinePoint::requests)
                        .max()
                        .orElse(1));
        double maxP95 = Math.max(
                1,
                points.stream()
                        .mapToDouble(LoadTestResult.TimelinePoint::latencyP95Ms)
                        .max()
                        .orElse(1));
        double step = (double) (width - 2 * pad) / Math.max(1, points.size() - 1);
        StringBuilder rps = new StringBuilder();
        StringBuilder p95 = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            var point = points.get(i);
            double x = pad + i * step;
            rps.append(String.format(
                    Locale.ROOT,
                    "%.1f,%.1f ",
                    x,
                    height - pad - (double) point.requests() / maxRequests * (height - 2 * pad)));
            p95.append(String.format(
                    Locale.ROOT, "%.1f,%.1f ", x, height - pad - point.latencyP95Ms() / maxP95 * (height - 2 * pad)));
        }
        return String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"load timeline\">"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                        + "<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"%s\"/>"
                        + "<polyline fill=\"none\" stroke=\"#d9480f\" stroke-width=\"2\" points=\"%s\"/>"
                        + "<text x=\"%d\" y=\"16\" font-size=\"11\" fill=\"#1f5fbf\">req/s (max %d)</text>"
                        + "<text x=\"%d\" y=\"30\" font-size=\"11\" fill=\"#d9480f\">p95 ms (max %.1f)</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\">0 s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%d s</text></svg>",
                width,
                height,
                pad,
                height - pad,
                width - pad,
                height - pad,
                rps.toString().trim(),
                p95.toString().trim(),
                pad,
                maxRequests,
                pad,
                maxP95,
                pad,
                height - pad + 15,
                width - pad,
                height - pad + 15,
                points.size());
    }

    private static double x(double value, double scaleMax, int span) {
        return Math.log10(value + 1) / scaleMax * span;
    }

    private static String colour(PassStatus status) {
        return switch (status) {
            case PASS -> "#2f9e44";
            case WARNING -> "#f08c00";
            case FAIL -> "#c92a2a";
        };
    }

    /** Five replacements; spring-web's HtmlUtils would bring a web stack into a non-web application. */
    static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
