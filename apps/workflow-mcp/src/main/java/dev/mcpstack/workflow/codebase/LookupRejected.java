package dev.mcpstack.workflow.codebase;

/**
 * codebase-mcp answered, but refused the lookup with a 4xx. It is up, so the circuit breaker ignores this
 * (see {@code ignore-exceptions} in workflow-mcp.yaml); the references stay unverified.
 */
class LookupRejected extends RuntimeException {

    LookupRejected(int status) {
        super("codebase-mcp refused the chunk lookup with HTTP " + status, null, false, false);
    }
}
