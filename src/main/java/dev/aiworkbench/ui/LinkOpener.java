package dev.aiworkbench.ui;

/**
 * Transitional: the Labs screen, converted on a parallel branch, still names this type. It is
 * {@link dev.aiworkbench.ui.common.LinkOpener} under its old name, and goes when that branch is merged.
 */
@FunctionalInterface
public interface LinkOpener extends dev.aiworkbench.ui.common.LinkOpener {
}
