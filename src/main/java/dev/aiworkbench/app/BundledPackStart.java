package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.packs.BundledPackUpdates;
import dev.aiworkbench.store.DatabaseException;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The start-up steps that carry progress to the built-in pack of a newer app and keep a copy of the version walked;
 * they never keep the app from opening.
 */
final class BundledPackStart {
    private BundledPackStart() {
    }

    /** @param copyFreshFolder whether a fresh folder's copy is kept now; the window keeps it after its first screen */
    static void catchUp(InstalledPack pack, BundledPackUpdates updates, boolean copyFreshFolder) {
        if (!pack.isBuiltIn() || pack.pack().isEmpty()) {
            return;
        }
        try {
            updates.catchUp(pack.pack().get(), BundledPackStart::files, copyFreshFolder)
                    .ifPresent(update -> LoggerFactory.getLogger(BundledPackStart.class).info("{}", update.text()));
        } catch (IOException | DatabaseException e) {
            // The progress stays on the ids it has, and nothing is recorded, so the next start tries again.
            LoggerFactory.getLogger(BundledPackStart.class).warn("could not carry progress to the built-in pack", e);
        }
    }

    static void keepCopy(InstalledPack pack, BundledPackUpdates updates) {
        if (!pack.isBuiltIn() || pack.pack().isEmpty()) {
            return;
        }
        try {
            updates.keepCopy(pack.pack().get(), BundledPackStart::files);
        } catch (IOException | DatabaseException e) {
            // Only the next update's list of what changed needs the copy, and the next start tries again.
            LoggerFactory.getLogger(BundledPackStart.class).warn("could not keep a copy of the built-in pack", e);
        }
    }

    private static PackLocation files() throws PackAccessException {
        return PackLocation.bundled(InstalledPack.DEFAULT_PACK);
    }
}
