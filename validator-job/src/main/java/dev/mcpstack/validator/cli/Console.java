package dev.mcpstack.validator.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;

/**
 * What the user sees on the terminal: line-based progress (works in a Job's log as well as a TTY; no cursor
 * tricks) and the final summary.
 */
public final class Console {

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {}

    public static void progress(String line) {
        PrintStream out = System.out;
        out.println("[" + TIME.format(LocalTime.now()) + "] " + line);
        out.flush();
    }

    public static void print(String text) {
        PrintStream out = System.out;
        out.println(text);
        out.flush();
    }

    public static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
