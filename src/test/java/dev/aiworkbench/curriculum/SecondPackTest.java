package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The second pack in the repository, llm-evals-in-practice: a folder instructors point at, not bundled. */
class SecondPackTest {
    static final Path SECOND_PACK = Path.of("curriculum", "llm-evals-in-practice");

    private final LoadResult result = PackFiles.load(SECOND_PACK);
    private final Pack pack = result.pack().orElseThrow();

    @Test
    void loadsWithoutAnyProblem() {
        assertThat(PackFiles.lines(result)).isEmpty();
        assertThat(pack.id()).isEqualTo("llm-evals-in-practice");
        assertThat(pack.info().version()).isEqualTo("1.0.0");
    }

    @Test
    void onePhaseOfOneModuleOfFourWeeksEndsWithAMilestoneInWeekFour() {
        assertThat(pack.phases()).hasSize(1);
        Phase phase = pack.phases().get(0);
        assertThat(phase.modules()).hasSize(1);
        assertThat(pack.weeks()).extracting(Week::number).containsExactly(1, 2, 3, 4);
        assertThat(phase.milestone().week()).isEqualTo(4);
        assertThat(phase.milestone().checklist()).hasSizeBetween(6, 8);
    }

    @Test
    void everyWeekHasThreeToSixTasksWhoseHoursAddUpAndHttpsResources() {
        assertThat(pack.weeks()).allSatisfy(week -> {
            String name = "week " + week.number();
            assertThat(week.tasks()).as(name).hasSizeBetween(3, 6);
            assertThat(week.tasks().stream().mapToDouble(Task::plannedHours).sum()).as(name)
                    .isCloseTo(week.hours(), offset(1e-9));
            assertThat(week.resources()).as(name).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.url().getScheme()).isEqualTo("https"));
            assertThat(week.guide()).as(name).startsWith("# Week " + week.number());
        });
    }

    @Test
    void itsAssessmentMixesEveryItemTypeAndTestsEveryWeek() {
        assertThat(pack.assessments()).hasSize(1);
        Assessment assessment = pack.assessments().get(0);
        assertThat(assessment.milestoneId()).isEqualTo(pack.phases().get(0).milestone().id());
        assertThat(assessment.items()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(assessment.items()).extracting(AssessmentItem::type).contains(ItemType.values());
        Set<String> tested = new HashSet<>();
        assessment.items().forEach(i -> tested.addAll(i.weeks()));
        assertThat(tested).containsExactlyInAnyOrderElementsOf(pack.weeks().stream().map(Week::id).toList());
    }

    @Test
    void itUsesTheAppsBundledLabs() {
        List<String> usedByTasks = pack.weeks().stream().flatMap(w -> w.tasks().stream())
                .flatMap(t -> t.lab().stream()).distinct().toList();
        assertThat(usedByTasks).isNotEmpty();
        assertThat(InstalledPack.bundledLabIds()).containsAll(usedByTasks);
    }

    @Test
    void onlyTheDefaultPackIsBundledInTheApp() {
        assertThat(getClass().getResource("/curriculum/" + InstalledPack.DEFAULT_PACK + "/pack.yaml")).isNotNull();
        assertThat(getClass().getResource("/curriculum/llm-evals-in-practice/pack.yaml")).isNull();
    }
}
