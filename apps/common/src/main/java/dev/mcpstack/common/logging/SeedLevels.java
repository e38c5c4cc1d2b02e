package dev.mcpstack.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Set;
import org.slf4j.Marker;

/**
 * The seed's level names, which its log checks and operators' queries key on: {@code DEBUG}, {@code INFO},
 * {@code WARNING}, {@code ERROR}, {@code CRITICAL}. Logback says {@code WARN} and has {@code TRACE}; SLF4J has no
 * fatal level, so bridges (log4j-to-slf4j, JCL) send fatal lines as ERROR with a {@code FATAL} marker, and our code
 * marks a critical line with {@link #CRITICAL}.
 */
public final class SeedLevels {

    /** The only values a line's {@code level} can take. */
    public static final List<String> NAMES = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    /** Marker name that raises an ERROR line to CRITICAL ({@code log.atError().addMarker(...)}). */
    public static final String CRITICAL = "CRITICAL";

    private static final Set<String> CRITICAL_MARKERS = Set.of(CRITICAL, "FATAL");

    private SeedLevels() {}

    static String name(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return critical(event.getMarkerList()) ? "CRITICAL" : "ERROR";
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return "WARNING";
        }
        return level.isGreaterOrEqual(Level.INFO) ? "INFO" : "DEBUG";
    }

    private static boolean critical(List<Marker> markers) {
        if (markers == null) {
            return false;
        }
        for (Marker marker : markers) {
            if (CRITICAL_MARKERS.contains(marker.getName())) {
                return true;
            }
        }
        return false;
    }
}
