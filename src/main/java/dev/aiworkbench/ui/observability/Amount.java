package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.UsageGroup;

/** What a bar of the cost-and-calls charts measures; calls first, since local models cost nothing. */
enum Amount {
    CALLS("Calls", "Calls"),
    COST("Cost", "Cost (USD)");

    private final String label;
    private final String axis;

    Amount(String label, String axis) {
        this.label = label;
        this.axis = axis;
    }

    double of(UsageGroup group) {
        return this == COST ? group.costUsd() : group.calls();
    }

    String axis() {
        return axis;
    }

    @Override
    public String toString() {
        return label;
    }
}
