package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.AttemptScore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentCardTest {
    private static AttemptScore score(List<String> pending) {
        return new AttemptScore("a", 1, 30, 12, 9, 0.3, 0.1, List.of(), pending, List.of());
    }

    @Test
    void theLastAttemptSaysWhatIsRightWhatItScoredAndWhatWaitsForAGrade() {
        AssessmentCard waiting = new AssessmentCard("a", "A", "Week 12 project: X", 76,
                Optional.of(score(List.of("t1", "t2"))), OptionalInt.empty());
        AssessmentCard graded = new AssessmentCard("a", "A", "Week 12 project: X", 76, Optional.of(score(List.of("t1"))),
                OptionalInt.of(3));

        assertThat(waiting.lastLine()).isEqualTo("Last attempt: 12 right of 30 answered, CBM 9 (mean +0.30), "
                + "2 short answers to grade");
        assertThat(graded.lastLine()).endsWith(", 1 short answer to grade");
        assertThat(graded.action()).isEqualTo("Resume (3 of 76 answered)");
        assertThat(new AssessmentCard("a", "A", "M", 76, Optional.empty(), OptionalInt.of(0)).action()).isEqualTo("Start");
        assertThat(new AssessmentCard("a", "A", "M", 76, Optional.empty(), OptionalInt.empty()).lastLine())
                .isEqualTo("Not taken yet");
    }
}
