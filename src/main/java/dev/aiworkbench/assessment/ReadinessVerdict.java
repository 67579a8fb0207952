package dev.aiworkbench.assessment;

import java.util.Locale;

/** Whether the evidence says a learner is ready for a milestone project. */
public enum ReadinessVerdict {
    READY, NEARLY, NOT_YET;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return switch (this) {
            case READY -> "Ready";
            case NEARLY -> "Nearly";
            case NOT_YET -> "Not yet";
        };
    }
}
