package dev.aiworkbench.labs.definition;

import dev.aiworkbench.diagnostics.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What loading one lab produced: as much of the lab as could be read, and every problem found (sorted by file,
 * line and column). A lab with errors may still be listed; it is never called valid.
 *
 * @param id     the lab's folder name
 * @param folder the lab's folder, to copy its starter and solution from and to read files its checks name; it
 *               stays readable for bundled labs and labs in a folder, and while the pack it came from is open;
 *               null when the id is not a folder name
 */
public record LabLoadResult(String id, Optional<LabDefinition> lab, List<Problem> problems, Path folder) {
    public LabLoadResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return lab.isPresent() && problems.stream().noneMatch(Problem::isError);
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }
}
