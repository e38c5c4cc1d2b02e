package dev.mcpstack.validator.report;

import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.model.ResilienceTimeline;
import dev.mcpstack.validator.model.ResilienceTimeline.Bucket;
import dev.mcpstack.validator.model.ResilienceTimeline.Marker;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The resilience parts of report.md (one table row per fault) and report.html (a timeline per fault: requests per
 * second and errors per second from the 100 ms buckets, the fault and recovery moments as vertical lines).
 */
final class ResilienceReport {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 200;
    private static final int PAD = 40;

    private ResilienceReport() {}

    static String markdown(List<ResilienceCheckResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Resilience (ms)\n\n| fault | server | detection | recovery | window "
                + "| requests | failed | acknowledged writes | lost | status |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (ResilienceCheckResult r : results) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %d | %d | %d | %d | %s |%n",
                    r.fault().wireName(),
                    r.serverId(),
                    figure(r.detectionMs()),
                    figure(r.recoveryMs()),
                    figure(r.unavailableWindowMs()),
                    r.requestsTotal(),
                    r.requestsFailed(),
                    r.acknowledgedWrites(),
                    r.lostWrites(),
                    r.passStatus().wireName().toUpperCase(Locale.ROOT)));
        }
        for (ResilienceCheckResult r : results) {
            if (!r.notes().isEmpty()) {
                md.append("\n- ")
                        .append(r.checkId())
                        .append(": ")
                        .append(MarkdownReport.cell(String.join("; ", r.notes())));
            }
        }
        return md.append("\n").toString();
    }

    static String html(List<ResilienceCheckResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Resilience</h2><p class=\"note\">per fault: requests/s (blue) "
                + "and errors/s (red) seen by the caller in 100 ms buckets; red dashed line: fault injected, green "
                + "line: recovery seen</p>");
        for (ResilienceCheckResult r : results) {
            html.append("<h3>")
                    .append(HtmlReport.esc(r.checkId()))
                    .append(" <span class=\"")
                    .append(r.passStatus().wireName())
                    .append("\">")
                    .append(r.passStatus().wireName())
                    .append("</span></h3><p>")
                    .append(String.format(
                            Locale.ROOT,
                            "detection %s ms, recovery %s ms, unavailable %s ms, %d of %d requests failed, %d of %d "
                                    + "acknowledged writes lost",
                            figure(r.detectionMs()),
                            figure(r.recoveryMs()),
                            figure(r.unavailableWindowMs()),
                            r.requestsFailed(),
                            r.requestsTotal(),
                            r.lostWrites(),
                            r.acknowledgedWrites()))
                    .append("</p>");
            if (!r.notes().isEmpty()) {
                html.append("<p class=\"note\">")
                        .append(HtmlReport.esc(String.join("; ", r.notes())))
                        .append("</p>");
            }
            html.append(chart(r.checkId(), r.timeline()));
        }
        return html.toString();
    }

    static String chart(String name, @Nullable ResilienceTimeline timeline) {
        if (timeline == null || timeline.buckets().isEmpty()) {
            return "<p class=\"note\">no timeline</p>";
        }
        List<Bucket> buckets = timeline.buckets();
        double perSecond = 1000.0 / timeline.bucketMs();
        long max =
                Math.max(1, buckets.stream().mapToLong(Bucket::requests).max().orElse(1));
        long spanMs = (long) buckets.size() * timeline.bucketMs();
        StringBuilder requests = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (Bucket bucket : buckets) {
            double x = x(bucket.offsetMs(), spanMs);
            requests.append(point(x, y(bucket.requests(), max)));
            errors.append(point(x, y(bucket.errors(), max)));
        }
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s timeline\">"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                        + "<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\" points=\"%s\"/>"
                        + "<polyline fill=\"none\" stroke=\"#c92a2a\" stroke-width=\"1.5\" points=\"%s\"/>"
                        + "<text x=\"%d\" y=\"16\" font-size=\"11\" fill=\"#1f5fbf\">req/s (max %.0f)</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\">0 s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%.1f s</text>",
                WIDTH,
                HEIGHT,
                HtmlReport.esc(name),
                PAD,
                HEIGHT - PAD,
                WIDTH - PAD,
                HEIGHT - PAD,
                requests.toString().trim(),
                errors.toString().trim(),
                PAD,
                max * perSecond,
                PAD,
                HEIGHT - PAD + 15,
                WIDTH - PAD,
                HEIGHT - PAD + 15,
                spanMs / 1000.0));
        int row = 0;
        for (Marker marker : timeline.markers()) {
            double x = x(Math.min(marker.offsetMs(), spanMs), spanMs);
            boolean fault = marker.kind().equals("fault");
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"%s/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"%s\">%s</text>",
                    x,
                    x,
                    HEIGHT - PAD,
                    fault ? "#c92a2a" : "#2f9e44",
                    fault ? " stroke-dasharray=\"4 3\"" : "",
                    x + 3,
                    34 + 11 * (row++ % 4),
                    fault ? "#c92a2a" : "#2f9e44",
                    HtmlReport.esc(marker.label())));
        }
        return svg.append("</svg>").toString();
    }

    private static double x(long offsetMs, long spanMs) {
        return PAD + (double) offsetMs / Math.max(1, spanMs) * (WIDTH - 2 * PAD);
    }

    private static double y(long count, long max) {
        return HEIGHT - PAD - (double) count / max * (HEIGHT - 2 * PAD - 30);
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    private static String figure(@Nullable Long ms) {
        return ms == null ? "-" : String.valueOf(ms);
    }
}
