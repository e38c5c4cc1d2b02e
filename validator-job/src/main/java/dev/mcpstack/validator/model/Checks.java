package dev.mcpstack.validator.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Invariant checks for the compact constructors: a broken model fails where it is built, with a clear message. */
final class Checks {

    private Checks() {}

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static <T> T present(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String text(@Nullable String value, String field) {
        require(value != null && !value.isBlank(), field + " must not be blank");
        return value;
    }

    static double nonNegative(double value, String field) {
        require(value >= 0 && !Double.isNaN(value), field + " must be >= 0 but was " + value);
        return value;
    }

    static long nonNegative(long value, String field) {
        require(value >= 0, field + " must be >= 0 but was " + value);
        return value;
    }

    static void ordered(String what, double low, String lowName, double high, String highName) {
        require(low <= high, what + ": " + lowName + " (" + low + ") must be <= " + highName + " (" + high + ")");
    }

    static <T> List<T> list(@Nullable List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <K, V> Map<K, V> map(@Nullable Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }

    static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
