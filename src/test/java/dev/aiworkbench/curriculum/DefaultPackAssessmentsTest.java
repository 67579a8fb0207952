package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The default pack's self-assessments: what issue 10 asks of their content. */
class DefaultPackAssessmentsTest {
    private static final Pattern QUESTION = Pattern.compile("^(?:\\d+\\.|-) ", Pattern.MULTILINE);
    private final Pack pack = TestPacks.defaultPack();

    @Test
    void eachMilestoneHasAnAssessmentOfThirtyOrMoreMixedItemsTestingEveryWeekOfItsPhase() {
        for (Phase phase : pack.phases()) {
            Assessment assessment = pack.assessmentFor(phase.milestone().id()).orElseThrow();
            assertThat(assessment.items()).as(assessment.id()).hasSizeGreaterThanOrEqualTo(30);
            assertThat(assessment.items().stream().map(AssessmentItem::type).collect(Collectors.toSet()))
                    .as(assessment.id()).isEqualTo(EnumSet.allOf(ItemType.class));
            Set<String> tested = assessment.items().stream().flatMap(i -> i.weeks().stream()).collect(Collectors.toSet());
            assertThat(tested).as(assessment.id()).containsAll(pack.weeksOf(phase).stream().map(Week::id).toList());
        }
        assertThat(pack.assessments()).extracting(Assessment::milestoneId)
                .containsExactly("milestone-1", "milestone-2", "milestone-3");
    }

    @Test
    void everyCheckYourselfQuestionOfEveryGuideIsAShortItemWithAModelAnswerAndRubric() {
        List<String> expected = new ArrayList<>();
        for (Week week : pack.weeks()) {
            String guide = week.guide();
            int at = guide.indexOf("## Check yourself");
            assertThat(at).as(week.id()).isNotNegative();
            String section = guide.substring(at).split("\n## ", 2)[0];
            Matcher questions = QUESTION.matcher(section);
            int phase = pack.phaseOfWeek(week.number()).orElseThrow().number();
            for (int k = 1; questions.find(); k++) {
                expected.add("m" + phase + "-w" + String.format("%02d", week.number()) + "-check-" + k);
            }
        }
        assertThat(expected).hasSize(155);
        for (String id : expected) {
            AssessmentItem item = pack.assessmentItem(id).orElseThrow(() -> new AssertionError("no item " + id));
            assertThat(item.type()).as(id).isEqualTo(ItemType.SHORT);
            assertThat(item.answer().split("\\s+")).as(id).hasSizeGreaterThanOrEqualTo(40);
            assertThat(item.rubric()).as(id).hasSizeBetween(3, 6);
        }
    }

    @Test
    void phaseThreeAsksAllSixInterviewQuestionsWithRubrics() {
        Assessment phase3 = pack.assessmentFor("milestone-3").orElseThrow();
        List<AssessmentItem> interview = phase3.items().stream().filter(i -> i.id().startsWith("m3-interview-")).toList();

        assertThat(interview).extracting(AssessmentItem::id).containsExactly("m3-interview-1", "m3-interview-2",
                "m3-interview-3", "m3-interview-4", "m3-interview-5", "m3-interview-6");
        assertThat(interview).allSatisfy(i -> {
            assertThat(i.type()).isEqualTo(ItemType.SHORT);
            assertThat(i.rubric()).hasSizeGreaterThanOrEqualTo(4);
        });
        assertThat(interview).anySatisfy(i -> assertThat(i.prompt()).containsIgnoringCase("monitor")
                .containsIgnoringCase("metrics"));
    }

    @Test
    void choiceItemsCanBeAnsweredAndCapabilitiesAreIStatementsWithEvidence() {
        for (Assessment assessment : pack.assessments()) {
            for (AssessmentItem item : assessment.items()) {
                switch (item.type()) {
                    case SINGLE -> assertThat(item.correctChoices()).as(item.id()).hasSize(1);
                    case MULTIPLE -> assertThat(item.correctChoices()).as(item.id()).isNotEmpty()
                            .hasSizeLessThan(item.choices().size());
                    case CAPABILITY -> assertThat(item.prompt()).as(item.id()).startsWith("I can");
                    case SHORT -> assertThat(item.answer()).as(item.id()).isNotBlank();
                }
                item.choices().forEach(c -> assertThat(c.why()).as(item.id()).isNotBlank());
            }
        }
    }
}
