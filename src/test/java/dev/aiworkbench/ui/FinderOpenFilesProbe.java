package dev.aiworkbench.ui;

import dev.aiworkbench.app.PackFileInbox;

/** Calls the GUI start's Finder hook in a JVM of its own, whose class loading {@link FinderOpenFilesTest} reads. */
public final class FinderOpenFilesProbe {
    private FinderOpenFilesProbe() {
    }

    public static void main(String[] args) {
        System.out.println("finder listening: " + FinderOpenFiles.listen(new PackFileInbox()));
    }
}
