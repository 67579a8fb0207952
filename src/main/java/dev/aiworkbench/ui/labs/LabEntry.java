package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.LabProgress;
import dev.aiworkbench.labs.definition.LabDefinition;

import java.util.List;

/** A lab in the Labs screen's list: the lab and how far the learner is. */
public record LabEntry(LabDefinition lab, LabProgress progress) {

    /** The weeks and the progress in one line: "Weeks 1–4 · passed". */
    public String status() {
        String when = weeks(lab.weeks());
        return (when.isEmpty() ? "" : when + " · ") + progress.label();
    }

    /** The week numbers a lab belongs to: "Weeks 1–4", "Week 12", "Weeks 12, 24". */
    static String weeks(List<Integer> weeks) {
        if (weeks.isEmpty()) {
            return "";
        }
        return (weeks.size() == 1 ? "Week " : "Weeks ") + LabDefinition.span(weeks, "–", ", ");
    }
}
