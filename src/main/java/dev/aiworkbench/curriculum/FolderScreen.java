package dev.aiworkbench.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Counts and measures a pack folder's files before any is read, within the limits a zip's entries keep, so that
 * installing a folder cannot fill the disk either. Links are not followed (the walk does not follow them); the
 * loader and the install refuse them where they are, naming them.
 */
final class FolderScreen {
    private FolderScreen() {
    }

    static void check(Path folder, ArchiveLimits limits) throws PackAccessException {
        try {
            Files.walkFileTree(folder, new Tally(folder, limits));
        } catch (TallyRefused e) {
            throw e.refusal;
        } catch (IOException | UncheckedIOException e) {
            throw new PackAccessException("cannot read " + folder + ": " + e.getMessage());
        }
    }

    /** Counts files and bytes, leaving {@linkplain PackClutter clutter folders} out as the pack's reader does. */
    private static final class Tally extends SimpleFileVisitor<Path> {
        private final Path folder;
        private final ArchiveLimits limits;
        private int count;
        private long total;

        Tally(Path folder, ArchiveLimits limits) {
            this.folder = folder;
            this.limits = limits;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return !dir.equals(folder) && PackClutter.isFolder(dir) ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws TallyRefused {
            if (++count > limits.maxFiles()) {
                throw new TallyRefused(folder + " holds more than " + limits.maxFiles() + " files");
            }
            if (attributes.size() > limits.maxEntryBytes()) {
                throw new TallyRefused(folder + ": " + folder.relativize(file).toString().replace('\\', '/')
                        + " is larger than " + ArchiveLimits.size(limits.maxEntryBytes()));
            }
            total += attributes.size();
            if (total > limits.maxTotalBytes()) {
                throw new TallyRefused(folder + "'s files add up to more than "
                        + ArchiveLimits.size(limits.maxTotalBytes()));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            throw e;
        }
    }

    /** Carries a refusal out of the walk, which lets only IOException through. */
    private static final class TallyRefused extends IOException {
        private final PackAccessException refusal;

        TallyRefused(String message) {
            super(message);
            this.refusal = new PackAccessException(message);
        }
    }
}
