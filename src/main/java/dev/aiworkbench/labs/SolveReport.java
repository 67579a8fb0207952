package dev.aiworkbench.labs;

import java.nio.file.Path;
import java.util.List;

/**
 * What applying the reference solution did.
 *
 * @param backup where the learner's replaced files were kept; null when nothing was replaced
 */
public record SolveReport(Path workspace, List<String> written, List<String> backedUp, Path backup) {
}
