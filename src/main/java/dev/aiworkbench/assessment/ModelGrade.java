package dev.aiworkbench.assessment;

/** What a local model said of a short answer against its rubric; the learner may overrule it. */
public record ModelGrade(String model, boolean pass, String reason) {
}
