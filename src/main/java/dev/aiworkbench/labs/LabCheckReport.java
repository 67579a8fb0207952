package dev.aiworkbench.labs;

import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.definition.LabStep;

import java.util.List;

/**
 * The checks of one run of "Check".
 *
 * @param missingServices services some check needed that were not running (the learner must start the lab)
 * @param marked          curriculum tasks this pass marked done
 */
public record LabCheckReport(String labId, List<StepResults> steps, LabProgress progress, List<String> missingServices,
                             List<String> marked) {

    public record StepResults(LabStep step, List<CheckResult> results) {
    }

    public boolean allPassed() {
        return steps.stream().allMatch(s -> s.results().stream().allMatch(CheckResult::passed));
    }
}
