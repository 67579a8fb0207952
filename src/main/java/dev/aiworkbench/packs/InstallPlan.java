package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.PackInfo;

import java.nio.file.Path;

/** A pack that loaded without errors and what installing it would do. */
public record InstallPlan(Path source, PackInfo info, PackSignature signature, Outcome outcome) {
    public enum Outcome {
        /** No version of this id is installed. */
        NEW_PACK,
        /** Another version of this id is installed; this one is put beside it and used from now on. */
        NEW_VERSION,
        /** This id and version are installed already; nothing changes. */
        ALREADY_INSTALLED
    }
}
