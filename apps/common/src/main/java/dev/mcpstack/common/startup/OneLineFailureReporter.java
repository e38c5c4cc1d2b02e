package dev.mcpstack.common.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start-up as one {@code startup_failed} log line: what went wrong and what to do. Replaces Boot's
 * multi-line banner, which mcp-common silences ({@code logging.level...LoggingFailureAnalysisReporter=OFF}).
 */
final class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(OneLineFailureReporter.class);

    @Override
    public void report(FailureAnalysis analysis) {
        String description = oneLine(analysis.getDescription());
        String action = analysis.getAction() == null ? "" : oneLine(analysis.getAction());
        log.atError()
                .addKeyValue("event", "startup_failed")
                .addKeyValue("action", action)
                .log("Application failed to start: {} {}", description, action);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
