package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.packs.ChangeReport.Change;
import dev.aiworkbench.packs.ChangeReport.Kind;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.aiworkbench.testing.TestAssessments.assessment;
import static dev.aiworkbench.testing.TestAssessments.single;
import static org.assertj.core.api.Assertions.assertThat;

class PackChangesTest {
    private final Pack v1 = TestPacks.grid(1, 1, 4, 2, 10);

    @Test
    void identicalVersionsHaveNoChanges() {
        ChangeReport report = PackChanges.between(v1, TestPacks.revised(v1, "1.1.0", Map.of(), Set.of(), List.of(),
                Map.of()), Map.of(), Map.of());

        assertThat(report.isEmpty()).isTrue();
        assertThat(report.fromVersion()).isEqualTo("1.0.0");
        assertThat(report.toVersion()).isEqualTo("1.1.0");
    }

    @Test
    void tasksReplacedRemovedAddedAndChangedAreToldApartAndWeeksSayWhatChanged() {
        Pack renamed = TestPacks.revised(v1, "2.0.0", Map.of("w1-t1", "w1-setup"), Set.of("w2-t2"),
                List.of(assessment("quiz", "milestone-1", single("q1", 0, 3, "week-1"))), Map.of());
        List<Week> weeks = new ArrayList<>(renamed.weeks());
        Week three = weeks.get(2);
        Task first = three.tasks().get(0);
        weeks.set(2, new Week(three.id(), three.number(), three.moduleId(), "Week three, rewritten", 12, three.goals(),
                List.of(new Task(first.id(), first.weekId(), first.kind(), "A sharper title", first.detail(),
                        first.plannedHours(), Optional.of("lab-x")), three.tasks().get(1)),
                three.resources(), List.of("lab-x"), three.guide(), three.file()));
        Pack v2 = new Pack(renamed.info(), renamed.phases(), weeks, renamed.assessments(), renamed.replacements());

        ChangeReport report = PackChanges.between(v1, v2, Map.of(), Map.of());

        assertThat(report.tasks()).containsExactlyInAnyOrder(
                new Change(Kind.REPLACED, "w1-t1", "Task 1 of week 1", "replaced by w1-setup"),
                new Change(Kind.REMOVED, "w2-t2", "Task 2 of week 2", ""),
                new Change(Kind.CHANGED, "w3-t1", "A sharper title", "title, lab"));
        assertThat(report.weeks()).containsExactly(
                new Change(Kind.CHANGED, "week-3", "Week 3: Week three, rewritten", "title, hours 10 → 12, labs"));
        assertThat(report.labs()).containsExactly(new Change(Kind.ADDED, "lab-x", "lab-x", ""));
        assertThat(report.assessments()).containsExactly(new Change(Kind.ADDED, "quiz", "Assessment quiz", ""));
        assertThat(report.count(Kind.REMOVED)).isEqualTo(1);
    }

    @Test
    void aLabWhoseFilesChangedIsReportedChangedOnlyWhenBothVersionsShipIt() {
        Pack withLab = TestPacks.revised(v1, "1.0.0", Map.of(), Set.of(), List.of(), Map.of());
        List<Week> weeks = new ArrayList<>(withLab.weeks());
        Week one = weeks.get(0);
        weeks.set(0, new Week(one.id(), one.number(), one.moduleId(), one.title(), one.hours(), one.goals(), one.tasks(),
                one.resources(), List.of("lab-y", "app-lab"), one.guide(), one.file()));
        Pack before = new Pack(v1.info(), v1.phases(), weeks, List.of());
        Pack after = TestPacks.revised(before, "1.0.1", Map.of(), Set.of(), List.of(), Map.of());

        ChangeReport report = PackChanges.between(before, after, Map.of("lab-y", "aaa"), Map.of("lab-y", "bbb"));

        assertThat(report.labs()).containsExactly(new Change(Kind.CHANGED, "lab-y", "lab-y", "its files"));
    }
}
