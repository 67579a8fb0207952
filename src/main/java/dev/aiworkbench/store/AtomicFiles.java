package dev.aiworkbench.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files replaced in one step: written beside their place and moved over it, so a reader, in this process or another
 * on the same data folder, sees the old file or the new one, never half of one. A write that fails leaves no partial
 * file behind.
 */
public final class AtomicFiles {
    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, Content content) throws IOException {
        write(file, content, false);
    }

    /** The same, readable and writable by its owner only (where the file system has POSIX permissions). */
    public static void writeOwnerOnly(Path file, Content content) throws IOException {
        write(file, content, true);
    }

    private static void write(Path file, Content content, boolean ownerOnly) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Named by process and moment rather than by Files.createTempFile, whose SecureRandom costs a cold start of
        // the security providers; some of these writes sit on the first start's path.
        Path partial = folder.resolve("." + file.getFileName() + "-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                if (ownerOnly) {
                    restrictToOwner(partial);
                }
                content.writeTo(out);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }
}
