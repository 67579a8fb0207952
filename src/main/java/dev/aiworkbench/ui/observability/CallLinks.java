package dev.aiworkbench.ui.observability;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Where a recorded call leads: its eval case on the Evals screen, its run in the Playground's history.
 *
 * @param openEvalCase       opens the Evals screen at a run id and item key (on the UI thread)
 * @param playgroundRunOfKey the id of the playground run kept under a call's run key (reads the database: called
 *                           off the UI thread)
 * @param openPlaygroundRun  opens the Playground's history at a run id (on the UI thread)
 */
public record CallLinks(BiConsumer<String, String> openEvalCase, Function<String, Optional<Long>> playgroundRunOfKey,
                        LongConsumer openPlaygroundRun) {
}
