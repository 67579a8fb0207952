package dev.aiworkbench.packs;

import java.io.IOException;

/**
 * The pack's file or folder changed between the check the learner confirmed and the copy: nothing is installed, since
 * what would be installed is not what was checked.
 */
public final class SourceChanged extends IOException {
    SourceChanged(String message) {
        super(message);
    }
}
