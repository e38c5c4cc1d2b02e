package dev.mcpstack.workflow.web;

import dev.mcpstack.common.problem.ApiProblem;
import io.r2dbc.spi.R2dbcException;
import org.jspecify.annotations.Nullable;

/**
 * Safety net for input that validation let through but PostgreSQL refuses as invalid data (SQLSTATE class 22:
 * bad encoding, value out of range): the client sent it, so it becomes a 400 instead of a 500. Every other
 * database failure passes through unchanged to the shared handlers.
 */
public final class DataErrors {

    private DataErrors() {}

    public static Throwable clientFaultAsProblem(Throwable error) {
        String state = sqlState(error);
        if (state != null && state.startsWith("22")) {
            return ApiProblem.badRequest("invalid-data", "The database refused a value in the request as invalid");
        }
        return error;
    }

    public static @Nullable String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r2dbc) {
                return r2dbc.getSqlState();
            }
        }
        return null;
    }
}
