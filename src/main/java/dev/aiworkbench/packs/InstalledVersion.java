package dev.aiworkbench.packs;

import java.nio.file.Path;

/**
 * One version of a pack in the data folder.
 *
 * @param source where it was installed from, as the learner gave it
 * @param signature what was known of its signature when it was installed (see {@link PackInstaller})
 */
public record InstalledVersion(String id, String version, String title, String source, String signature, Path folder) {
}
