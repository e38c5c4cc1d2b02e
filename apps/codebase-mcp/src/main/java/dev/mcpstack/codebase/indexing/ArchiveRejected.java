package dev.mcpstack.codebase.indexing;

import dev.mcpstack.common.problem.ApiProblem;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * Raised inside stream reads (where only IOException may leave) when the input breaks a limit, and turned back
 * into its {@link ApiProblem} when the indexing request fails.
 */
final class ArchiveRejected extends IOException {

    private final transient ApiProblem problem;

    ArchiveRejected(ApiProblem problem) {
        super(problem.getMessage(), null);
        this.problem = problem;
    }

    static ArchiveRejected badRequest(String slug, String detail) {
        return new ArchiveRejected(ApiProblem.badRequest(slug, detail));
    }

    static ArchiveRejected tooLarge(String detail) {
        return new ArchiveRejected(new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "archive-too-large", detail));
    }

    ApiProblem problem() {
        return problem;
    }
}
