package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.EvidenceLevels;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.SnapshotBuilder;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aiworkbench.testing.TestAssessments.assessment;
import static dev.aiworkbench.testing.TestAssessments.single;
import static dev.aiworkbench.testing.TestAssessments.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Readiness against the default pack's thresholds: ready 0.6 / 0.75 / 0.3, nearly 0.4 / 0.5 / 0 (quiz, labs, checklist). */
class ReadinessJudgeTest {
    private final Assessment quiz = assessment("quiz", "milestone-1", single("s1", 0, 4, "week-1"));
    private final Pack pack = with(TestPacks.grid(1, 1, 4, 2, 10),
            Map.of(1, List.of("lab-a"), 3, List.of("lab-b", "lab-a")), quiz);
    private final List<String> labsAsked = new ArrayList<>();

    private LabChecks labs(int passedA, int passedB) {
        return id -> {
            labsAsked.add(id);
            return id.equals("lab-a") ? new CheckTally(passedA, 4) : new CheckTally(passedB, 4);
        };
    }

    private static Optional<AttemptScore> quiz(double share, List<String> weakWeeks) {
        return Optional.of(new AttemptScore("quiz", 1, 1, 1, 3, 3, share, List.of(), List.of(), weakWeeks));
    }

    private Readiness judge(Optional<AttemptScore> score, int passedA, int passedB, int checksDone) {
        SnapshotBuilder progress = SnapshotBuilder.of(pack);
        for (int c = 1; c <= checksDone; c++) {
            progress.set(TestPacks.checkId(1, c), TaskState.DONE);
        }
        return ReadinessJudge.judge(pack, quiz, score, progress.build(), labs(passedA, passedB));
    }

    @Test
    void everyShareAtItsReadyThresholdIsReady() {
        Readiness readiness = judge(quiz(0.6, List.of("week-2")), 3, 3, 1);

        assertThat(readiness.verdict()).isEqualTo(ReadinessVerdict.READY);
        assertThat(readiness.measured()).isEqualTo(new EvidenceLevels(0.6, 0.75, 0.5));
        assertThat(readiness.labs()).isEqualTo(new CheckTally(6, 8));
        assertThat(readiness.checklist()).isEqualTo(new CheckTally(1, 2));
        assertThat(readiness.labIds()).containsExactly("lab-a", "lab-b");
        assertThat(labsAsked).containsExactly("lab-a", "lab-b");
        assertThat(readiness.weakWeeks()).containsExactly("week-2");
        assertThat(readiness.milestoneWeek()).isEqualTo(4);
    }

    @Test
    void oneShareBelowReadyButAllAtNearlyIsNearly() {
        assertThat(judge(quiz(0.59, List.of()), 4, 4, 2).verdict()).isEqualTo(ReadinessVerdict.NEARLY);
        assertThat(judge(quiz(0.9, List.of()), 3, 2, 2).verdict()).isEqualTo(ReadinessVerdict.NEARLY);
        assertThat(judge(quiz(0.9, List.of()), 4, 4, 0).verdict()).isEqualTo(ReadinessVerdict.NEARLY);
    }

    @Test
    void oneShareBelowNearlyIsNotYetAndNoAttemptIsAQuizOfNothing() {
        assertThat(judge(quiz(0.39, List.of()), 4, 4, 2).verdict()).isEqualTo(ReadinessVerdict.NOT_YET);
        assertThat(judge(quiz(0.9, List.of()), 2, 1, 2).verdict()).isEqualTo(ReadinessVerdict.NOT_YET);
        Readiness untried = judge(Optional.empty(), 4, 4, 2);
        assertThat(untried.verdict()).isEqualTo(ReadinessVerdict.NOT_YET);
        assertThat(untried.measured().quiz()).isZero();
        assertThat(untried.weakWeeks()).isEmpty();
    }

    @Test
    void aPhaseWithoutLabsHasNothingMissingThere() {
        Pack noLabs = with(TestPacks.grid(1, 1, 4, 2, 10), Map.of(), quiz);

        Readiness readiness = ReadinessJudge.judge(noLabs, quiz, quiz(0.7, List.of()), SnapshotBuilder.of(noLabs)
                .set(TestPacks.checkId(1, 1), TaskState.DONE).build(),
                labs(0, 0));

        assertThat(readiness.labs()).isEqualTo(new CheckTally(0, 0));
        assertThat(readiness.measured().labs()).isEqualTo(1.0);
        assertThat(readiness.verdict()).isEqualTo(ReadinessVerdict.READY);
    }
}
