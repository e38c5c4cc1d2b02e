package dev.mcpstack.validator.load;

import java.net.http.HttpRequest;
import java.util.function.Supplier;

/** One kind of request of a mix, e.g. {@code search} or {@code health}; the supplier builds a fresh request. */
public record LoadOperation(String name, int weight, Supplier<HttpRequest> request) {
    public LoadOperation {
        if (weight < 1) {
            throw new IllegalArgumentException("weight of " + name + " must be >= 1");
        }
    }
}
