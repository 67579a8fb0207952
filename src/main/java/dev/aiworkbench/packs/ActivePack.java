package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.curriculum.PackLoadCaches;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the pack the learner made active with {@code pack use}, or the built-in pack when there is none. */
public final class ActivePack {
    /** The rule of the problem that says the active pack could not be used, so a verb can show it. */
    public static final String FALLBACK_RULE = "active-pack";

    private ActivePack() {
    }

    /**
     * The active pack. Without a choice the built-in pack is active, in its newest installed version when the learner
     * installed one over it (an upgrade of the built-in pack carried their progress to it).
     */
    public static InstalledPack read(PackShelf shelf, String appVersion) {
        return read(shelf, appVersion, PackLoadCaches.NONE);
    }

    /** As {@link #read(PackShelf, String)}, taking what it can from earlier loads ({@link PackLoadCaches}). */
    public static InstalledPack read(PackShelf shelf, String appVersion, PackLoadCaches caches) {
        Optional<String> active;
        Optional<InstalledPackEntry> installed;
        try {
            active = shelf.activeId();
            installed = shelf.find(active.orElse(InstalledPack.DEFAULT_PACK));
        } catch (UncheckedIOException e) {
            return builtInBecause(appVersion, caches, "the installed packs in " + shelf.root() + " cannot be read ("
                    + e.getMessage() + "); the built-in pack is used. Check the folder's permissions, or choose a"
                    + " pack again with `workbench pack use <id>`.");
        }
        if (installed.isPresent()) {
            return InstalledPack.load(Optional.of(installed.get().current().folder()), appVersion, caches);
        }
        if (active.isEmpty() || active.get().equals(InstalledPack.DEFAULT_PACK)) {
            return InstalledPack.load(Optional.empty(), appVersion, caches);
        }
        return builtInBecause(appVersion, caches, "the active pack '" + active.get() + "' is no longer installed (its folder"
                + " under " + shelf.root() + " is gone); the built-in pack is used. Install it again, or choose"
                + " another with `workbench pack use <id>`.");
    }

    private static InstalledPack builtInBecause(String appVersion, PackLoadCaches caches, String why) {
        InstalledPack builtIn = InstalledPack.load(Optional.empty(), appVersion, caches);
        List<Problem> problems = new ArrayList<>();
        problems.add(Problem.warning(SourcePosition.startOf(PackShelf.ACTIVE_FILE), why).withRule(FALLBACK_RULE));
        problems.addAll(builtIn.result().problems());
        return new InstalledPack(builtIn.source(), new LoadResult(builtIn.result().pack(), List.copyOf(problems)));
    }
}
