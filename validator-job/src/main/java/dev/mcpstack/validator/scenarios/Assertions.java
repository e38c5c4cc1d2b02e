package dev.mcpstack.validator.scenarios;

import dev.mcpstack.validator.model.IntegrationTestStep.StepAssertion;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Evaluates one scenario assertion; the answer is empty when it holds, or says what was expected and found. */
public final class Assertions {

    private Assertions() {}

    public static Optional<String> check(StepAssertion assertion, JsonNode body, TemplateContext context) {
        JsonNode actual = JsonPaths.at(body, assertion.path());
        boolean present = !actual.isMissingNode() && !actual.isNull();
        String where = assertion.path().isEmpty() ? "body" : "'" + assertion.path() + "'";
        if (assertion.exists() != null) {
            boolean expected = assertion.exists();
            return expected == present
                    ? Optional.empty()
                    : Optional.of(where
                            + (expected ? " should exist but is missing" : " should be absent but is " + show(actual)));
        }
        if (assertion.isEqualTo() != null) {
            JsonNode expected = Templates.render(assertion.isEqualTo(), context);
            return same(expected, actual)
                    ? Optional.empty()
                    : Optional.of(where + " should equal " + show(expected) + " but is " + show(actual));
        }
        if (assertion.notEquals() != null) {
            JsonNode expected = Templates.render(assertion.notEquals(), context);
            return !same(expected, actual)
                    ? Optional.empty()
                    : Optional.of(where + " should not equal " + show(expected));
        }
        if (assertion.contains() != null) {
            JsonNode expected = Templates.render(assertion.contains(), context);
            return contains(actual, expected)
                    ? Optional.empty()
                    : Optional.of(where + " should contain " + show(expected) + " but is " + show(actual));
        }
        int size = actual.isArray() || actual.isObject()
                ? actual.size()
                : actual.isString() ? actual.asString().length() : -1;
        if (assertion.size() != null) {
            return size == assertion.size()
                    ? Optional.empty()
                    : Optional.of(
                            where + " should have size " + assertion.size() + " but has " + describeSize(size, actual));
        }
        Integer atLeast = assertion.sizeAtLeast();
        return atLeast != null && size >= atLeast
                ? Optional.empty()
                : Optional.of(where + " should have size >= " + atLeast + " but has " + describeSize(size, actual));
    }

    /** Arrays contain an equal element; strings contain the text; objects contain the key (or a same field). */
    static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual.isArray()) {
            for (JsonNode item : actual) {
                if (same(expected, item)) {
                    return true;
                }
            }
            return false;
        }
        if (actual.isString()) {
            return actual.asString().contains(expected.isValueNode() ? expected.asString() : expected.toString());
        }
        if (actual.isObject() && expected.isString()) {
            return actual.has(expected.asString());
        }
        return false;
    }

    /** JSON equality where numbers compare by value ({@code 1} equals {@code 1.0}). */
    static boolean same(JsonNode expected, @Nullable JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static String describeSize(int size, JsonNode actual) {
        return size < 0 ? "no size (" + show(actual) + ")" : size + ": " + show(actual);
    }

    static String show(JsonNode node) {
        if (node.isMissingNode()) {
            return "<missing>";
        }
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
