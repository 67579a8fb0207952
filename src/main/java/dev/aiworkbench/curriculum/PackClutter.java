package dev.aiworkbench.curriculum;

import java.nio.file.Path;
import java.util.Set;

/**
 * What lies in a pack folder without being part of the pack: the folders version control and macOS archivers
 * keep, and the files desktops write on their own. Instructors keep packs in Git, so a pack folder is often a
 * checkout; opening, installing and building it leave these out rather than count them against the pack's limits.
 */
public final class PackClutter {
    /** Files the desktop writes into folders on its own. */
    public static final Set<String> FILES = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");
    /** Folders of version control and of macOS archivers, left out with everything in them. */
    public static final Set<String> FOLDERS = Set.of(".git", ".hg", ".svn", "__MACOSX");

    private PackClutter() {
    }

    public static boolean isFolder(Path folder) {
        Path name = folder.getFileName();
        return name != null && FOLDERS.contains(name.toString());
    }

    /** Whether a path below {@code root} lies inside one of the clutter folders. */
    static boolean isInsideFolder(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
