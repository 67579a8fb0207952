package dev.aiworkbench.curriculum.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * A pack file written by {@link PackBuilder}.
 *
 * @param skipped files of the folder left out as operating-system clutter, relative paths
 */
public record BuiltPack(Path file, PackManifest manifest, List<String> skipped) {
}
