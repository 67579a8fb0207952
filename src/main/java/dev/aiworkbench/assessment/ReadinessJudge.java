package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.ChecklistItem;
import dev.aiworkbench.curriculum.EvidenceLevels;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Weighs a milestone's three kinds of evidence against its assessment's thresholds. */
public final class ReadinessJudge {
    private ReadinessJudge() {
    }

    public static Readiness judge(Pack pack, Assessment assessment, Optional<AttemptScore> quiz,
                                  ProgressSnapshot progress, LabChecks labChecks) {
        Milestone milestone = pack.milestone(assessment.milestoneId()).orElseThrow();
        Phase phase = pack.phase(milestone.phaseId()).orElseThrow();
        List<String> labIds = labsOf(pack, phase);
        CheckTally labs = labIds.stream().map(labChecks::passed).reduce(new CheckTally(0, 0), CheckTally::plus);
        int done = (int) milestone.checklist().stream().map(ChecklistItem::id)
                .filter(id -> progress.state(id) == TaskState.DONE).count();
        CheckTally checklist = new CheckTally(done, milestone.checklist().size());
        EvidenceLevels measured = new EvidenceLevels(quiz.map(AttemptScore::quizShare).orElse(0.0), labs.share(),
                checklist.share());
        ReadinessVerdict verdict = measured.reaches(assessment.readiness().ready()) ? ReadinessVerdict.READY
                : measured.reaches(assessment.readiness().nearly()) ? ReadinessVerdict.NEARLY : ReadinessVerdict.NOT_YET;
        return new Readiness(milestone.id(), milestone.title(), milestone.week(), assessment.id(), verdict, measured,
                assessment.readiness(), quiz, labs, checklist, labIds,
                quiz.map(AttemptScore::weakWeeks).orElse(List.of()));
    }

    /** The labs the phase's weeks and tasks use, in the order they first come up. */
    static List<String> labsOf(Pack pack, Phase phase) {
        Set<String> labs = new LinkedHashSet<>();
        for (Week week : pack.weeksOf(phase)) {
            labs.addAll(week.labs());
            week.tasks().stream().map(Task::lab).flatMap(Optional::stream).forEach(labs::add);
        }
        return List.copyOf(labs);
    }
}
