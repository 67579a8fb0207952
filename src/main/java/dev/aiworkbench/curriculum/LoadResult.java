package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What loading a pack produced: as much of the pack as could be read, and every problem found.
 * A pack with errors may still be shown (the app starts with what it can show); it is never
 * called valid.
 */
public record LoadResult(Optional<Pack> pack, List<Problem> problems) {

    public boolean valid() {
        return pack.isPresent() && problems.stream().noneMatch(Problem::isError);
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }
}
