package dev.aiworkbench.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a zip before anything in it is read: every entry's name, kind and declared size, and the paths they make
 * together.
 */
final class ZipScreen {
    private ZipScreen() {
    }

    static void check(Path zip, ArchiveLimits limits) throws PackAccessException {
        try {
            List<ZipDirectoryEntry> entries = ZipDirectory.read(zip, limits.maxFiles());
            long total = 0;
            for (ZipDirectoryEntry entry : entries) {
                EntryNames.check(zip, entry.name());
                checkKind(zip, entry);
                if (entry.size() > limits.maxEntryBytes()) {
                    throw new PackAccessException(zip + ": " + entry.name() + " is larger than "
                            + ArchiveLimits.size(limits.maxEntryBytes()));
                }
                total += entry.size();
                if (total > limits.maxTotalBytes()) {
                    throw new PackAccessException(zip + " unpacks to more than "
                            + ArchiveLimits.size(limits.maxTotalBytes()));
                }
            }
            EntryTree tree = new EntryTree(zip);
            for (ZipDirectoryEntry entry : entries) {
                tree.add(entry.name());
            }
        } catch (IOException e) {
            throw new PackAccessException("cannot read " + zip + ": " + e.getMessage());
        }
    }

    private static void checkKind(Path zip, ZipDirectoryEntry entry) throws PackAccessException {
        String name = entry.name();
        int type = entry.unixType();
        if (type == ZipDirectoryEntry.SYMBOLIC_LINK) {
            throw new PackAccessException(zip + ": " + name + " is a symbolic link; packs may not contain links");
        }
        if (type != 0 && type != ZipDirectoryEntry.REGULAR_FILE && type != ZipDirectoryEntry.FOLDER) {
            throw new PackAccessException(zip + ": " + name + " is a device, pipe or socket, not a file; packs hold"
                    + " only files and folders");
        }
        if (entry.markedAsFolder() && !entry.namedAsFolder()) {
            throw new PackAccessException(zip + ": " + name + " is marked as a folder but named as a file; build the"
                    + " zip again from the pack folder");
        }
        if (entry.namedAsFolder() && entry.size() > 0) {
            throw new PackAccessException(zip + ": " + name + " is a folder entry that holds data; build the zip"
                    + " again from the pack folder");
        }
        if (entry.encrypted()) {
            throw new PackAccessException(zip + ": " + name + " is encrypted; packs are not, so ask the pack's author"
                    + " for a zip without a password");
        }
        if (entry.method() != ZipDirectoryEntry.STORED && entry.method() != ZipDirectoryEntry.DEFLATED) {
            throw new PackAccessException(zip + ": " + name + " is compressed with method " + entry.method()
                    + ", which the app does not read; build the zip with `workbench pack build`");
        }
    }
}
