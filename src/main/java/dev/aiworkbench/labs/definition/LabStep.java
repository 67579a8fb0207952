package dev.aiworkbench.labs.definition;

import java.util.List;

/**
 * One step of a lab.
 *
 * @param guide the step's guide in Markdown; empty when the lab has none for it
 */
public record LabStep(String id, String title, String guide, List<CheckSpec> checks) {
    public LabStep {
        guide = guide == null ? "" : guide;
        checks = List.copyOf(checks);
    }
}
