package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Week;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scores an attempt by certainty-based marking and finds the weeks its answers show to be weak. */
public final class AttemptScorer {
    /** A capability rated this or lower marks its weeks weak. */
    static final int WEAK_RATING = 2;

    private AttemptScorer() {
    }

    public static AttemptScore score(Pack pack, Assessment assessment, Attempt attempt) {
        int[] n = new int[Confidence.HIGHEST + 1];
        int[] right = new int[Confidence.HIGHEST + 1];
        int answered = 0;
        int correct = 0;
        int marks = 0;
        int graded = 0;
        int gradable = 0;
        List<String> pending = new ArrayList<>();
        Set<String> weak = new LinkedHashSet<>();
        for (AssessmentItem item : assessment.items()) {
            Answer answer = attempt.answers().get(item.id());
            if (item.type().scored()) {
                gradable++;
            }
            if (answer == null) {
                continue;
            }
            answered++;
            switch (answer.grade()) {
                case PENDING -> {
                    pending.add(item.id());
                    gradable--;
                }
                case RATED -> {
                    if (answer.response() instanceof Response.Level level && level.level() <= WEAK_RATING) {
                        weak.addAll(item.weeks());
                    }
                }
                case RIGHT, WRONG -> {
                    int confidence = answer.confidence().orElse(Confidence.LOWEST);
                    boolean isRight = answer.grade() == Grade.RIGHT;
                    n[confidence]++;
                    graded++;
                    if (isRight) {
                        right[confidence]++;
                        correct++;
                    }
                    marks += CertaintyMarks.score(isRight, confidence);
                    if (!isRight || confidence == Confidence.LOWEST) {
                        weak.addAll(item.weeks());
                    }
                }
            }
        }
        List<ConfidenceTally> tallies = new ArrayList<>();
        for (int c = Confidence.LOWEST; c <= Confidence.HIGHEST; c++) {
            tallies.add(new ConfidenceTally(c, n[c], right[c]));
        }
        double share = gradable == 0 ? 0 : Math.max(0, marks) / (double) (Confidence.HIGHEST * gradable);
        return new AttemptScore(assessment.id(), attempt.id(), answered, correct, marks,
                graded == 0 ? 0 : (double) marks / graded, share, List.copyOf(tallies), List.copyOf(pending),
                inPlanOrder(pack, weak));
    }

    static List<String> inPlanOrder(Pack pack, Set<String> weekIds) {
        return weekIds.stream().sorted(Comparator.comparingInt(id -> pack.week(id).map(Week::number)
                .orElse(Integer.MAX_VALUE))).toList();
    }
}
