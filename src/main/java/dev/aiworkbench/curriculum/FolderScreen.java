package dev.aiworkbench.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Counts and measures a pack folder's files before any is read, within the limits a zip's entries keep, so that
 * installing a folder cannot fill the disk either. Links are not followed; the loader and the install refuse them
 * where they are, naming them.
 */
final class FolderScreen {
    private FolderScreen() {
    }

    static void check(Path folder, ArchiveLimits limits) throws PackAccessException {
        int count = 0;
        long total = 0;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Iterator<Path> files = all.iterator(); files.hasNext(); ) {
                Path file = files.next();
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isDirectory()) {
                    continue;
                }
                if (++count > limits.maxFiles()) {
                    throw new PackAccessException(folder + " holds more than " + limits.maxFiles() + " files");
                }
                if (attributes.size() > limits.maxEntryBytes()) {
                    throw new PackAccessException(folder + ": " + folder.relativize(file).toString().replace('\\', '/')
                            + " is larger than " + ArchiveLimits.size(limits.maxEntryBytes()));
                }
                total += attributes.size();
                if (total > limits.maxTotalBytes()) {
                    throw new PackAccessException(folder + "'s files add up to more than "
                            + ArchiveLimits.size(limits.maxTotalBytes()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PackAccessException("cannot read " + folder + ": " + e.getMessage());
        }
    }
}
