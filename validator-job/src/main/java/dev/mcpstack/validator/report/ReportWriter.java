package dev.mcpstack.validator.report;

import dev.mcpstack.validator.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes report.json, report.md and report.html into the output directory. */
public final class ReportWriter {

    private ReportWriter() {}

    public static List<Path> write(ValidationReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            Path json = directory.resolve("report.json");
            Path md = directory.resolve("report.md");
            Path html = directory.resolve("report.html");
            Files.writeString(json, Json.pretty(report));
            Files.writeString(md, MarkdownReport.render(report));
            Files.writeString(html, HtmlReport.render(report));
            return List.of(json, md, html);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + directory, e);
        }
    }
}
