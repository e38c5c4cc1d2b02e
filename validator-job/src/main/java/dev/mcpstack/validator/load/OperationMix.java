package dev.mcpstack.validator.load;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Weighted random choice among operations, as k6 scripts do with a random draw per iteration. */
public final class OperationMix {

    private final List<LoadOperation> operations;
    private final int totalWeight;

    public OperationMix(List<LoadOperation> operations) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("an operation mix needs at least one operation");
        }
        this.operations = List.copyOf(operations);
        this.totalWeight = operations.stream().mapToInt(LoadOperation::weight).sum();
    }

    public LoadOperation next() {
        int draw = ThreadLocalRandom.current().nextInt(totalWeight);
        for (LoadOperation operation : operations) {
            draw -= operation.weight();
            if (draw < 0) {
                return operation;
            }
        }
        return operations.get(operations.size() - 1);
    }

    /** The operations of one group (service), e.g. for its own capacity search. */
    public OperationMix only(String group) {
        return new OperationMix(operations.stream()
                .filter(operation -> operation.group().equals(group))
                .toList());
    }

    public List<LoadOperation> operations() {
        return operations;
    }
}
