package dev.mcpstack.validator.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.Fixtures;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegressionRuleTest {

    private final RegressionRule rule = new RegressionRule(5, 10);

    @ParameterizedTest(name = "p95 {0} ms vs baseline 20 ms -> {1}")
    @CsvSource({
        "15.0, PASS",
        "20.0, PASS",
        "21.0, PASS", // exactly +5 %: not above
        "21.01, WARNING",
        "22.0, WARNING", // exactly +10 %: not above
        "22.01, FAIL",
        "40.0, FAIL"
    })
    void judgesAgainstTheBaselineAtTheExactEdges(double p95, PassStatus expected) {
        PassStatus status = rule.evaluate(search(p95), search(20.0), 100.0).status();

        assertThat(status).isEqualTo(expected);
    }

    @ParameterizedTest(name = "p95 {0} ms vs target 20 ms -> {1}")
    @CsvSource({"19.99, PASS", "20.0, PASS", "20.01, FAIL"})
    void failsAboveTheAbsoluteTargetEvenWithoutBaseline(double p95, PassStatus expected) {
        RegressionRule.Verdict verdict = rule.evaluate(search(p95), null, 20.0);

        assertThat(verdict.status()).isEqualTo(expected);
        assertThat(verdict.notes()).anyMatch(n -> n.contains("no baseline"));
    }

    @Test
    void failsOnTheTargetEvenWhenTheBaselineWasAsBad() {
        RegressionRule.Verdict verdict = rule.evaluate(search(30.0), search(30.0), 20.0);

        assertThat(verdict.status()).isEqualTo(PassStatus.FAIL);
        assertThat(verdict.notes()).anyMatch(n -> n.contains("above the target 20.0 ms"));
    }

    @Test
    void gatesHealthOnP99() {
        PerformanceBenchmarkResult health = Fixtures.benchmark(OperationType.HEALTH, 4.0); // p99 = 6.0

        assertThat(rule.evaluate(health, null, 5.0).status()).isEqualTo(PassStatus.FAIL);
        assertThat(rule.evaluate(health, null, 6.0).status()).isEqualTo(PassStatus.PASS);
    }

    @Test
    void saysSoWhenTheBaselineComesFromAnotherEnvironment() {
        EnvironmentInfo bigger = new EnvironmentInfo(16, "21.0.2", "Linux amd64", null, "standard", "local");
        PerformanceBenchmarkResult baseline = Fixtures.benchmark(OperationType.SEARCH, 10.0, bigger);

        RegressionRule.Verdict verdict = rule.evaluate(search(10.0), baseline, 20.0);

        assertThat(verdict.status()).isEqualTo(PassStatus.PASS);
        assertThat(verdict.notes())
                .anyMatch(n -> n.contains("different environment")
                        && n.contains("cores 16 -> 2")
                        && n.contains("profile standard -> quick"));
    }

    @Test
    void appliesTheVerdictAndBaselineToTheResult() {
        PerformanceBenchmarkResult judged = rule.apply(search(25.0), search(20.0), null);

        assertThat(judged.passStatus()).isEqualTo(PassStatus.FAIL);
        assertThat(judged.baselineP95Ms()).isEqualTo(20.0);
        assertThat(judged.notes()).anyMatch(n -> n.contains("+25.0 %"));
    }

    private static PerformanceBenchmarkResult search(double p95) {
        return Fixtures.benchmark(OperationType.SEARCH, p95);
    }
}
