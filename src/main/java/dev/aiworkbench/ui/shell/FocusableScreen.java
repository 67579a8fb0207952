package dev.aiworkbench.ui.shell;

/**
 * Transitional: the Playground, Models, Evals and Labs screens, converted on parallel branches, still name this
 * type. It is {@link dev.aiworkbench.ui.common.FocusableScreen} under its old name, and goes when they are merged.
 */
public interface FocusableScreen extends dev.aiworkbench.ui.common.FocusableScreen {
}
