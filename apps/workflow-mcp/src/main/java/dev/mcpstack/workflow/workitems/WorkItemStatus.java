package dev.mcpstack.workflow.workitems;

import dev.mcpstack.common.problem.ApiProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The statuses a work item can have; the table's CHECK constraint lists the same ones. */
public final class WorkItemStatus {

    static final String OPEN = "open";
    public static final List<String> ALL = List.of(OPEN, "in_progress", "blocked", "done");

    private WorkItemStatus() {}

    /** The status itself when it is one of {@link #ALL}, null when absent, otherwise a 400. */
    static @Nullable String validOrNull(@Nullable String status) {
        if (status == null || ALL.contains(status)) {
            return status;
        }
        throw ApiProblem.badRequest(
                "invalid-status",
                "status must be one of " + String.join(", ", ALL)
                        + (status.length() > 40 ? "" : ", got '" + status + "'"));
    }
}
