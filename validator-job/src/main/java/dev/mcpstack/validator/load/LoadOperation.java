package dev.mcpstack.validator.load;

import java.util.function.Supplier;

/**
 * One kind of request of a mix, e.g. {@code search} or {@code health}, and the group (service) it is reported under;
 * the supplier builds a fresh request each time.
 */
public record LoadOperation(String group, String name, int weight, Supplier<LoadRequest> request) {
    public LoadOperation {
        if (weight < 1) {
            throw new IllegalArgumentException("weight of " + name + " must be >= 1");
        }
    }
}
