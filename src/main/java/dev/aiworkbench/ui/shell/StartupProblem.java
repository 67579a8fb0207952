package dev.aiworkbench.ui.shell;

/** Why the workbench could not open, and whether starting with a fresh database would help. */
public record StartupProblem(String message, boolean canStartFresh) {
}
