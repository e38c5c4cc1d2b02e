package dev.mcpstack.validator.load;

import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.LoadTestResult.ErrorBreakdown;
import dev.mcpstack.validator.report.CheckResult;
import java.util.Locale;

/**
 * SPEC §6 stress: the peak VUs without think time, more than two cores can serve. Shedding is by design (SPEC §5),
 * so the check passes when the only errors are 503 with {@code Retry-After} and the paced requests right after the
 * stress all succeed (it recovers at once); any other error, or a failure after the stress, fails it.
 */
final class StressCheck {

    private StressCheck() {}

    static CheckResult judge(String name, LoadTestResult stress, LoadStats recovery) {
        long shed = stress.errorBreakdown().stream()
                .filter(e -> e.errorType().equals(LoadStats.SHED))
                .mapToLong(ErrorBreakdown::count)
                .sum();
        long other = stress.failedRequests() - shed;
        boolean clean = other == 0;
        boolean recovered = recovery.total() > 0 && recovery.failed() == 0;
        StringBuilder detail = new StringBuilder(String.format(
                Locale.ROOT,
                "%d requests, %.1f req/s, p95 %.2f ms, shed with 503 + Retry-After %.2f %%; "
                        + "errors other than a clean 503: %d (target 0 %s); after the stress %d of %d paced requests"
                        + " failed (target 0 %s)",
                stress.totalRequests(),
                stress.requestsPerSecond(),
                stress.latencyP95Ms(),
                stress.totalRequests() == 0 ? 0 : 100.0 * shed / stress.totalRequests(),
                other,
                clean ? "ok" : "EXCEEDED",
                recovery.failed(),
                recovery.total(),
                recovered ? "ok" : "EXCEEDED"));
        if (!clean) {
            detail.append("; errors: ")
                    .append(stress.errorBreakdown().stream()
                            .filter(e -> !e.errorType().equals(LoadStats.SHED))
                            .map(e -> e.errorType() + "=" + e.count())
                            .toList())
                    .append("; likely cause: ")
                    .append(causeOf(stress));
        }
        return CheckResult.of(LoadSuite.SUITE, name, clean && recovered, detail.toString());
    }

    private static String causeOf(LoadTestResult stress) {
        boolean timeouts =
                stress.errorBreakdown().stream().anyMatch(e -> e.errorType().equals("timeout"));
        if (timeouts) {
            return "requests waited longer than the client timeout instead of being shed (a queue without bound)";
        }
        boolean noRetryAfter = stress.errorBreakdown().stream()
                .anyMatch(e -> e.errorType().equals(LoadStats.SHED_WITHOUT_RETRY_AFTER));
        return noRetryAfter
                ? "503 without Retry-After: the shedding path does not set the header"
                : "the service failed under overload instead of shedding";
    }
}
