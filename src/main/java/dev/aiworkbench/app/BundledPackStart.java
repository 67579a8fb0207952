package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.packs.BundledPackUpdates;
import dev.aiworkbench.store.DatabaseException;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** The start-up step that carries progress to the built-in pack of a newer app; it never keeps the app from opening. */
final class BundledPackStart {
    private BundledPackStart() {
    }

    static void catchUp(InstalledPack pack, BundledPackUpdates updates) {
        if (!pack.isBuiltIn() || pack.pack().isEmpty()) {
            return;
        }
        try {
            updates.catchUp(pack.pack().get(), () -> PackLocation.bundled(InstalledPack.DEFAULT_PACK))
                    .ifPresent(update -> LoggerFactory.getLogger(BundledPackStart.class).info("{}", update.text()));
        } catch (IOException | DatabaseException e) {
            // The progress stays on the ids it has, and nothing is recorded, so the next start tries again.
            LoggerFactory.getLogger(BundledPackStart.class).warn("could not carry progress to the built-in pack", e);
        }
    }
}
