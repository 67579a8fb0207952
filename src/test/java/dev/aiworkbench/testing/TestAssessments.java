package dev.aiworkbench.testing;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Choice;
import dev.aiworkbench.curriculum.EvidenceLevels;
import dev.aiworkbench.curriculum.ItemType;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.ReadinessThresholds;
import dev.aiworkbench.curriculum.Week;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small assessments built in code, on the test packs of {@link TestPacks}, for tests of scoring and readiness. */
public final class TestAssessments {
    /** The thresholds the default pack uses. */
    public static final ReadinessThresholds THRESHOLDS = new ReadinessThresholds(new EvidenceLevels(0.6, 0.75, 0.3),
            new EvidenceLevels(0.4, 0.5, 0.0));

    private TestAssessments() {
    }

    /** The pack with these assessments (and, by week number, these labs on its weeks). */
    public static Pack with(Pack base, Map<Integer, List<String>> labsByWeek, Assessment... assessments) {
        List<Week> weeks = new ArrayList<>();
        for (Week w : base.weeks()) {
            weeks.add(new Week(w.id(), w.number(), w.moduleId(), w.title(), w.hours(), w.goals(), w.tasks(), w.resources(),
                    labsByWeek.getOrDefault(w.number(), w.labs()), w.guide(), w.file()));
        }
        return new Pack(base.info(), base.phases(), weeks, Arrays.asList(assessments));
    }

    public static Assessment assessment(String id, String milestoneId, AssessmentItem... items) {
        return new Assessment(id, "Assessment " + id, milestoneId, "", THRESHOLDS, List.of(items),
                "assessments/" + id + ".yaml");
    }

    /** A single choice item on the weeks with {@code choices} choices, the one at {@code right} correct. */
    public static AssessmentItem single(String id, int right, int choices, String... weeks) {
        return choiceItem(id, ItemType.SINGLE, List.of(right), choices, weeks);
    }

    public static AssessmentItem multiple(String id, List<Integer> right, int choices, String... weeks) {
        return choiceItem(id, ItemType.MULTIPLE, right, choices, weeks);
    }

    private static AssessmentItem choiceItem(String id, ItemType type, List<Integer> right, int count, String... weeks) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            choices.add(new Choice("Choice " + i, right.contains(i), right.contains(i) ? "It is right." : "It is wrong."));
        }
        return new AssessmentItem(id, type, List.of(weeks), "Question " + id + "?", choices, "", List.of(), List.of(),
                "", Optional.empty());
    }

    public static AssessmentItem shortItem(String id, String... weeks) {
        return new AssessmentItem(id, ItemType.SHORT, List.of(weeks), "Explain " + id + ".", List.of(),
                "The model answer to " + id + ".", List.of("makes point one", "makes point two"), List.of(), "",
                Optional.empty());
    }

    public static AssessmentItem capability(String id, List<String> evidence, String... weeks) {
        return new AssessmentItem(id, ItemType.CAPABILITY, List.of(weeks), "I can do " + id + ".", List.of(), "",
                List.of(), evidence, "", Optional.empty());
    }
}
