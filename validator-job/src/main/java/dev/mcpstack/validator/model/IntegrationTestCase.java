package dev.mcpstack.validator.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A cross-service scenario (seed 000 §2) as written in a YAML file; steps are numbered 1..n. */
public record IntegrationTestCase(
        String testId,
        String testName,
        String testDescription,
        List<ServerId> requiredServers,
        List<String> setupSteps,
        List<IntegrationTestStep> workflowSteps,
        List<String> teardownSteps,
        @Nullable String lastRunStatus,
        @Nullable Instant lastRunTimestamp,
        @Nullable String lastRunError) {

    public IntegrationTestCase {
        Checks.text(testId, "test_id");
        Checks.text(testName, "test_name");
        Checks.require(testName.length() <= 255, "test_name must be at most 255 characters");
        testDescription = testDescription == null ? "" : testDescription;
        requiredServers = Checks.list(requiredServers);
        Checks.require(!requiredServers.isEmpty(), "required_servers must not be empty (test " + testId + ")");
        workflowSteps = Checks.list(workflowSteps);
        Checks.require(!workflowSteps.isEmpty(), "workflow_steps must have at least one step (test " + testId + ")");
        for (int i = 0; i < workflowSteps.size(); i++) {
            int number = workflowSteps.get(i).stepNumber();
            Checks.require(
                    number == i + 1,
                    "steps must be numbered 1..n in order (test " + testId + "): position " + (i + 1)
                            + " has step_number " + number);
        }
        setupSteps = Checks.list(setupSteps);
        teardownSteps = Checks.list(teardownSteps);
        Checks.require(
                lastRunStatus == null
                        || List.of("pass", "fail", "skipped", "not_run").contains(lastRunStatus),
                "last_run_status must be pass|fail|skipped|not_run but was " + lastRunStatus);
    }
}
