package dev.aiworkbench.ui.session;

import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.tasks.TaskExecutor;

import java.util.function.Consumer;

/** Remembers the theme the learner chose, in the background, so the next start opens with it. */
public final class ThemePreference {
    private final Consumer<ThemeChoice> store;
    private final TaskExecutor tasks;
    private final Notices notices;

    /** @param store writes the choice to the settings (slow: it is called off the FX thread) */
    public ThemePreference(Consumer<ThemeChoice> store, TaskExecutor tasks, Notices notices) {
        this.store = store;
        this.tasks = tasks;
        this.notices = notices;
    }

    public void save(ThemeChoice theme) {
        tasks.run(() -> {
            store.accept(theme);
            return theme;
        }, saved -> { }, notices::report);
    }
}
