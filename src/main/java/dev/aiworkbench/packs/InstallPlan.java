package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackInfo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A pack that loaded without errors and what installing it would do.
 *
 * @param previous the version of the same id used now (installed, or the built-in pack), when there is one
 * @param changes  what this version changes against that one
 * @param content  a digest of the files that were checked, so the install copies exactly those
 */
public record InstallPlan(Path source, Pack pack, PackSignature signature, Outcome outcome, Optional<Pack> previous,
                          Optional<ChangeReport> changes, String content) {
    public PackInfo info() {
        return pack.info();
    }

    public enum Outcome {
        /** No version of this id is installed. */
        NEW_PACK,
        /** Another version of this id is installed; this one is put beside it and used from now on. */
        NEW_VERSION,
        /** This id and version are installed already; nothing changes. */
        ALREADY_INSTALLED
    }
}
