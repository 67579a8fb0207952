package dev.aiworkbench.cli;

import dev.aiworkbench.assessment.AttemptScore;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.assessment.CalibrationLevel;
import dev.aiworkbench.assessment.ConfidenceTally;
import dev.aiworkbench.assessment.DueItem;
import dev.aiworkbench.assessment.Readiness;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;

import java.util.List;
import java.util.Map;

/** The JSON shapes of the {@code assess} verbs. Shares and means are rounded to 4 decimals; an unknown one is null. */
final class AssessJson {
    private AssessJson() {
    }

    /** {@code assess list}: {@code [{id, title, milestone, items}]}. */
    static List<Map<String, Object>> list(Pack pack) {
        return pack.assessments().stream().map((Assessment a) -> Json.object("id", a.id(), "title", a.title(),
                "milestone", a.milestoneId(), "items", a.items().size())).toList();
    }

    /** {@code assess take}: the attempt's counts, marks, tallies by confidence, pending items and weak weeks. */
    static Map<String, Object> score(AttemptScore score) {
        return Json.object("assessment", score.assessmentId(), "attemptId", score.attemptId(),
                "answered", score.answered(), "correct", score.correct(),
                "cbm", cbm(score.cbmTotal(), score.cbmMean()),
                "byConfidence", score.byConfidence().stream().map((ConfidenceTally t) -> Json.object(
                        "confidence", t.confidence(), "n", t.n(), "correct", t.correct())).toList(),
                "pending", score.pending(), "weakWeeks", score.weakWeeks());
    }

    /** {@code assess report}: readiness per milestone and calibration over every attempt. */
    static Map<String, Object> report(List<Readiness> readiness, Calibration calibration) {
        return Json.object("milestones", readiness.stream().map(AssessJson::readiness).toList(),
                "calibration", calibration(calibration));
    }

    /** {@code assess review --json}: the items due now. */
    static List<Map<String, Object>> due(List<DueItem> due) {
        return due.stream().map(d -> Json.object("item", d.item().id(), "assessment", d.assessment().id(),
                "type", d.item().type().id(), "prompt", d.item().prompt().strip(),
                "due", d.card().memory().due().toString(), "retrievability", round(d.retrievability()),
                "reviews", d.card().reviews(), "lapses", d.card().lapses())).toList();
    }

    private static Map<String, Object> readiness(Readiness r) {
        Map<String, Object> quiz = Json.object("share", round(r.measured().quiz()),
                "attemptId", r.quiz().map(AttemptScore::attemptId).orElse(null),
                "cbm", r.quiz().map(q -> cbm(q.cbmTotal(), q.cbmMean())).orElse(cbm(0, 0)));
        return Json.object("milestone", r.milestoneId(), "assessment", r.assessmentId(), "verdict", r.verdict().id(),
                "quiz", quiz,
                "labs", Json.object("passed", r.labs().met(), "total", r.labs().total(), "share", round(r.labs().share())),
                "checklist", Json.object("done", r.checklist().met(), "total", r.checklist().total(),
                        "share", round(r.checklist().share())),
                "weakWeeks", r.weakWeeks());
    }

    private static Map<String, Object> calibration(Calibration c) {
        return Json.object("graded", c.graded(), "correct", c.correct(), "cbm", cbm(c.cbmTotal(), c.cbmMean()),
                "verdict", c.verdict().id(),
                "byConfidence", c.levels().stream().map((CalibrationLevel l) -> Json.object("confidence", l.confidence(),
                        "n", l.n(), "correct", l.correct(), "accuracy", round(l.accuracy()), "low", round(l.low()),
                        "high", round(l.high()), "bandLow", round(l.bandLow()), "bandHigh", round(l.bandHigh())))
                        .toList(),
                "advice", c.advice());
    }

    private static Map<String, Object> cbm(int total, double mean) {
        return Json.object("total", total, "mean", round(mean));
    }

    static Double round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
