package dev.aiworkbench.cli;

import dev.aiworkbench.assessment.AttemptScore;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.assessment.CalibrationLevel;
import dev.aiworkbench.assessment.ConfidenceTally;
import dev.aiworkbench.assessment.Readiness;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.EvidenceLevels;
import dev.aiworkbench.curriculum.Pack;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The human forms of the {@code assess} verbs: tables and sentences for a terminal. */
final class AssessText {
    private AssessText() {
    }

    static void list(Pack pack, PrintWriter out) {
        out.printf(Locale.ROOT, "%-22s %-14s %5s  %s%n", "ASSESSMENT", "MILESTONE", "ITEMS", "TITLE");
        for (Assessment a : pack.assessments()) {
            out.printf(Locale.ROOT, "%-22s %-14s %5d  %s%n", a.id(), a.milestoneId(), a.items().size(), a.title());
        }
    }

    /** The result of one attempt, the same facts as {@code take --json}. */
    static void score(AttemptScore score, Assessment assessment, boolean finished, PrintWriter out) {
        out.println();
        out.println("Attempt " + score.attemptId() + " at " + score.assessmentId() + (finished ? "" : " (not finished)")
                + ": " + score.answered() + " of " + assessment.items().size() + " items answered, " + score.correct()
                + " right.");
        out.printf(Locale.ROOT, "Certainty-based marks: %d in all, %.2f per graded answer.%n", score.cbmTotal(),
                score.cbmMean());
        for (ConfidenceTally t : score.byConfidence()) {
            out.printf(Locale.ROOT, "  confidence %d: %d right of %d%n", t.confidence(), t.correct(), t.n());
        }
        if (!score.pending().isEmpty()) {
            out.println("Waiting for a grade: " + String.join(", ", score.pending()) + ".");
        }
        out.println(score.weakWeeks().isEmpty() ? "No weak weeks." : "Weak weeks (missed or unsure): "
                + String.join(", ", score.weakWeeks()) + ".");
        out.println("Calibration: " + Calibration.of(score.byConfidence()).advice());
    }

    static void report(List<Readiness> readiness, Calibration calibration, PrintWriter out) {
        if (readiness.isEmpty()) {
            out.println("The pack has no assessment for a milestone.");
        } else {
            out.printf(Locale.ROOT, "%-14s %-8s %-12s %-12s %-12s %s%n", "MILESTONE", "VERDICT", "QUIZ", "LABS",
                    "CHECKLIST", "WEAK WEEKS");
        }
        for (Readiness r : readiness) {
            EvidenceLevels measured = r.measured();
            out.printf(Locale.ROOT, "%-14s %-8s %-12s %-12s %-12s %s%n", r.milestoneId(), r.verdict().label(),
                    r.quiz().isEmpty() ? "not taken" : percent(measured.quiz()),
                    r.labs().met() + "/" + r.labs().total() + " " + percent(measured.labs()),
                    r.checklist().met() + "/" + r.checklist().total() + " " + percent(measured.checklist()),
                    r.weakWeeks().isEmpty() ? "-" : String.join(", ", r.weakWeeks()));
        }
        for (Readiness r : readiness) {
            EvidenceLevels ready = r.thresholds().ready();
            out.println("  " + r.milestoneId() + " is ready at quiz " + percent(ready.quiz()) + ", labs "
                    + percent(ready.labs()) + ", checklist " + percent(ready.checklist())
                    + (r.quiz().isEmpty() ? "; take it with `workbench assess take " + r.assessmentId() + "`." : "."));
        }
        out.println();
        out.printf(Locale.ROOT, "Calibration over all attempts: %d graded, %d right, marks %d (%.2f per answer): %s.%n",
                calibration.graded(), calibration.correct(), calibration.cbmTotal(), calibration.cbmMean(),
                calibration.verdict().id().replace('-', ' '));
        out.printf(Locale.ROOT, "  %-10s %7s %6s  %-22s %s%n", "CONFIDENCE", "ANSWERS", "RIGHT", "ACCURACY (95%)",
                "BEST BET WHEN");
        for (CalibrationLevel l : calibration.levels()) {
            out.printf(Locale.ROOT, "  %-10d %7d %6d  %-22s %s-%s%n", l.confidence(), l.n(), l.correct(),
                    l.n() == 0 ? "-" : percent(l.accuracy()) + " (" + percent(l.low()) + "-" + percent(l.high()) + ")",
                    percent(l.bandLow()), percent(l.bandHigh()));
        }
        out.println(calibration.advice());
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
