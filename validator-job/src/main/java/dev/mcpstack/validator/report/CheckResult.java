package dev.mcpstack.validator.report;

import dev.mcpstack.validator.model.PassStatus;

/** One line of the verdict: which suite, which check, how it went and why. */
public record CheckResult(String suite, String name, PassStatus status, String detail) {

    public static CheckResult pass(String suite, String name, String detail) {
        return new CheckResult(suite, name, PassStatus.PASS, detail);
    }

    public static CheckResult fail(String suite, String name, String detail) {
        return new CheckResult(suite, name, PassStatus.FAIL, detail);
    }

    public static CheckResult of(String suite, String name, boolean ok, String detail) {
        return new CheckResult(suite, name, ok ? PassStatus.PASS : PassStatus.FAIL, detail);
    }
}
