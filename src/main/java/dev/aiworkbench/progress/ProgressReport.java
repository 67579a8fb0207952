package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.ChecklistItem;
import dev.aiworkbench.curriculum.LearningModule;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.curriculum.WorkItem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Completion of every week, module, milestone and phase, and of the whole pack, derived from the
 * states of the work items. A phase counts its weeks' tasks and its milestone checklist.
 */
public final class ProgressReport {
    private final Pack pack;
    private final ProgressSnapshot snapshot;
    private final Map<String, Completion> byId = new HashMap<>();
    private final Completion overall;

    private ProgressReport(Pack pack, ProgressSnapshot snapshot) {
        this.pack = pack;
        this.snapshot = snapshot;
        Completion all = Completion.EMPTY;
        for (Week week : pack.weeks()) {
            Completion completion = Completion.EMPTY;
            for (Task task : week.tasks()) {
                completion = completion.plus(snapshot.state(task.id()));
            }
            byId.put(week.id(), completion);
        }
        for (Phase phase : pack.phases()) {
            Completion phaseCompletion = Completion.EMPTY;
            for (LearningModule module : phase.modules()) {
                Completion moduleCompletion = pack.weeksOf(module).stream().map(w -> byId.get(w.id()))
                        .reduce(Completion.EMPTY, Completion::plus);
                byId.put(module.id(), moduleCompletion);
                phaseCompletion = phaseCompletion.plus(moduleCompletion);
            }
            if (phase.milestone() != null) {
                Completion milestone = Completion.EMPTY;
                for (ChecklistItem check : phase.milestone().checklist()) {
                    milestone = milestone.plus(snapshot.state(check.id()));
                }
                byId.put(phase.milestone().id(), milestone);
                phaseCompletion = phaseCompletion.plus(milestone);
            }
            byId.put(phase.id(), phaseCompletion);
            all = all.plus(phaseCompletion);
        }
        this.overall = all;
    }

    public static ProgressReport of(Pack pack, ProgressSnapshot snapshot) {
        return new ProgressReport(pack, snapshot);
    }

    public Completion overall() {
        return overall;
    }

    /** Completion of a week, module, milestone or phase by id. */
    public Completion of(String id) {
        return byId.getOrDefault(id, Completion.EMPTY);
    }

    /** The first unfinished item of the earliest unfinished week, in plan order; empty when all is finished. */
    public Optional<WorkItem> whatsNext() {
        return pack.workItems().stream().filter(i -> !snapshot.state(i.id()).finished()).findFirst();
    }

    /** The earliest week with unfinished work: where the learner is by their work. */
    public Optional<Week> workWeek() {
        return whatsNext().flatMap(i -> pack.weekNumber(i.weekNumber()));
    }

    /** Planned hours of the items finished so far. */
    public double finishedHours() {
        return pack.workItems().stream().filter(i -> snapshot.state(i.id()).finished())
                .mapToDouble(WorkItem::plannedHours).sum();
    }
}
