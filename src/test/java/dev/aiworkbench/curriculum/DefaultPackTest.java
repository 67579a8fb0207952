package dev.aiworkbench.curriculum;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The default pack shipped in the app: the shape issue 2 asks for, and no problems at all. */
class DefaultPackTest {
    private final Pack pack = TestPacks.defaultPack();

    @Test
    void theBundledPackAndItsSourceFolderLoadWithoutAnyProblem() {
        InstalledPack bundled = InstalledPack.load(Optional.empty(), AppInfo.version());
        assertThat(bundled.result().problems()).isEmpty();
        assertThat(bundled.result().valid()).isTrue();
        assertThat(bundled.pack()).map(Pack::id).contains(InstalledPack.DEFAULT_PACK);

        LoadResult folder = PackFiles.load(PackFiles.DEFAULT_PACK);
        assertThat(PackFiles.lines(folder)).isEmpty();
        assertThat(folder.pack().orElseThrow().workItems()).isEqualTo(pack.workItems());
    }

    @Test
    void manifestNamesThePackWithASemanticVersion() {
        PackInfo info = pack.info();
        assertThat(info.id()).isEqualTo("devops-to-ai");
        assertThat(info.title()).isNotBlank();
        assertThat(SemanticVersion.isValid(info.version())).isTrue();
        assertThat(info.authors()).isNotEmpty();
        assertThat(info.license()).isNotBlank();
        assertThat(info.requires()).startsWith(">=");
    }

    @Test
    void threePhasesOfThreeModulesOfFourWeeksTileThirtySixWeeks() {
        assertThat(pack.phases()).extracting(Phase::number).containsExactly(1, 2, 3);
        List<LearningModule> modules = pack.phases().stream().flatMap(p -> p.modules().stream()).toList();
        assertThat(modules).hasSize(9);
        for (int i = 0; i < modules.size(); i++) {
            LearningModule module = modules.get(i);
            assertThat(module.firstWeek()).as(module.id()).isEqualTo(4 * i + 1);
            assertThat(module.lastWeek()).as(module.id()).isEqualTo(4 * i + 4);
            assertThat(pack.weeksOf(module)).as(module.id()).hasSize(4)
                    .allSatisfy(w -> assertThat(w.moduleId()).isEqualTo(module.id()));
        }
        assertThat(pack.phases()).extracting(Phase::firstWeek).containsExactly(1, 13, 25);
        assertThat(pack.phases()).extracting(Phase::lastWeek).containsExactly(12, 24, 36);
        assertThat(pack.weeks()).extracting(Week::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 36).boxed().toList());
    }

    @Test
    void eachPhaseEndsWithAMilestoneDueInItsLastWeekWithAChecklist() {
        assertThat(pack.phases()).allSatisfy(phase -> {
            Milestone milestone = phase.milestone();
            assertThat(milestone).as(phase.id()).isNotNull();
            assertThat(milestone.week()).as(milestone.id()).isEqualTo(phase.lastWeek());
            assertThat(milestone.title()).isNotBlank();
            assertThat(milestone.summary()).isNotBlank();
            assertThat(milestone.checklist()).as(milestone.id()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.text()).isNotBlank());
        });
        assertThat(pack.phases()).extracting(p -> p.milestone().week()).containsExactly(12, 24, 36);
    }

    @Test
    void everyWeekHasTitleHoursGoalsThreeToSixTasksHttpsResourcesAndAGuide() {
        assertThat(pack.weeks()).allSatisfy(week -> {
            String name = "week " + week.number();
            assertThat(week.title()).as(name).isNotBlank();
            assertThat(week.hours()).as(name).isPositive();
            assertThat(week.goals()).as(name).isNotEmpty().allSatisfy(g -> assertThat(g).isNotBlank());
            assertThat(week.tasks()).as(name).hasSizeBetween(3, 6)
                    .allSatisfy(t -> assertThat(t.title()).isNotBlank());
            assertThat(week.resources()).as(name).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.url().getScheme()).isEqualTo("https"));
            assertThat(week.guide()).as(name).isNotBlank().startsWith("#");
            assertThat(week.tasks().stream().mapToDouble(Task::plannedHours).sum()).as(name)
                    .isCloseTo(week.hours(), offset(1e-9));
        });
    }

    @Test
    void tasksUseEveryKindOfWork() {
        assertThat(pack.weeks().stream().flatMap(w -> w.tasks().stream()).map(Task::kind).distinct())
                .containsExactlyInAnyOrder(TaskKind.values());
    }

    @Test
    void everyIdInThePackIsUnique() {
        List<String> ids = new ArrayList<>();
        ids.add(pack.id());
        for (Phase phase : pack.phases()) {
            ids.add(phase.id());
            phase.modules().forEach(m -> ids.add(m.id()));
            ids.add(phase.milestone().id());
            phase.milestone().checklist().forEach(c -> ids.add(c.id()));
        }
        for (Week week : pack.weeks()) {
            ids.add(week.id());
            week.tasks().forEach(t -> ids.add(t.id()));
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9][a-z0-9-]*"));
        long tasks = pack.weeks().stream().mapToLong(w -> w.tasks().size()).sum();
        long checks = pack.phases().stream().mapToLong(p -> p.milestone().checklist().size()).sum();
        assertThat(pack.workItems()).hasSize((int) (tasks + checks));
    }

    @Test
    void workItemsRunInPlanOrderWithEachMilestoneAfterTheTasksOfItsWeek() {
        List<WorkItem> items = pack.workItems();
        assertThat(items.get(0).id()).isEqualTo(pack.weekNumber(1).orElseThrow().tasks().get(0).id());
        assertThat(items).isSortedAccordingTo((a, b) -> Integer.compare(a.weekNumber(), b.weekNumber()));
        Week twelve = pack.weekNumber(12).orElseThrow();
        int lastTaskOfTwelve = items.indexOf(items.stream()
                .filter(i -> i.id().equals(twelve.tasks().get(twelve.tasks().size() - 1).id())).findFirst().orElseThrow());
        assertThat(items.get(lastTaskOfTwelve + 1).kind()).isEqualTo(WorkItem.Kind.MILESTONE_CHECK);
        assertThat(items.get(lastTaskOfTwelve + 1).id())
                .isEqualTo(pack.phases().get(0).milestone().checklist().get(0).id());
    }
}
