package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.checks.CheckStatus;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.LabStep;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One step of the open lab: the last result of each of its checks, how many pass, and whether its guide is open. */
public final class StepViewModel {
    /** A check's last result. */
    public record Outcome(CheckStatus status, String message, Instant at) {
    }

    private final int number;
    private final LabStep step;
    private final Map<String, ReadOnlyObjectWrapper<Outcome>> results = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper tally = new ReadOnlyStringWrapper();
    private final BooleanProperty guideExpanded = new SimpleBooleanProperty(false);

    StepViewModel(int number, LabStep step) {
        this.number = number;
        this.step = step;
        for (CheckSpec check : step.checks()) {
            results.put(check.id(), new ReadOnlyObjectWrapper<>());
        }
        updateTally();
    }

    public int number() {
        return number;
    }

    public LabStep step() {
        return step;
    }

    /** The check's last result; null while it has not been checked. */
    public ReadOnlyObjectProperty<Outcome> resultProperty(String checkId) {
        ReadOnlyObjectWrapper<Outcome> result = results.get(checkId);
        if (result == null) {
            throw new IllegalArgumentException("step " + step.id() + " has no check '" + checkId + "'");
        }
        return result.getReadOnlyProperty();
    }

    /** "2 of 5 pass". */
    public ReadOnlyStringProperty tallyProperty() {
        return tally.getReadOnlyProperty();
    }

    /** Whether the step's guide is open: the first step not yet passed opens after each check; the learner may toggle it. */
    public BooleanProperty guideExpandedProperty() {
        return guideExpanded;
    }

    boolean has(String checkId) {
        return results.containsKey(checkId);
    }

    void show(String checkId, CheckStatus status, String message, Instant at) {
        ReadOnlyObjectWrapper<Outcome> result = results.get(checkId);
        if (result != null) {
            result.set(new Outcome(status, message, at));
            updateTally();
        }
    }

    boolean allPassed() {
        return results.values().stream().allMatch(r -> r.get() != null && r.get().status() == CheckStatus.PASS);
    }

    private void updateTally() {
        long passed = results.values().stream().filter(r -> r.get() != null && r.get().status() == CheckStatus.PASS)
                .count();
        tally.set(passed + " of " + results.size() + " pass");
    }
}
