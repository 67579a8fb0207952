package dev.aiworkbench.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (a tmpfs mounted for the test) that a test can fill to the last page, to see what the
 * workbench does when the disk is full. Mounting needs root; where it cannot mount, the test is skipped with the
 * reason printed, never passed without the disk.
 */
public final class SmallDisk implements AutoCloseable {
    private static final String FILLER = "filler.bin";
    private final Path path;

    private SmallDisk(Path path) {
        this.path = path;
    }

    /** Mounts a tmpfs of {@code size} (mount's notation: 4m) on {@code path}, or skips the test saying why not. */
    public static SmallDisk mount(Path path, String size) throws IOException, InterruptedException {
        Files.createDirectories(path);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes()).strip();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        if (!mounted) {
            String reason = "Skipped: cannot mount a small tmpfs here to fill it (needs root and mount rights): " + said;
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return new SmallDisk(path);
    }

    public Path path() {
        return path;
    }

    /** Writes a file until the disk has no page left; returns how many bytes it took. */
    public long fill() throws IOException {
        long written = 0;
        try (OutputStream out = Files.newOutputStream(path.resolve(FILLER))) {
            for (int chunk : new int[] {64 * 1024, 4 * 1024, 512, 1}) {
                byte[] bytes = new byte[chunk];
                try {
                    while (true) {
                        out.write(bytes);
                        out.flush();
                        written += chunk;
                    }
                } catch (IOException full) {
                    // this chunk size no longer fits; try the smaller ones
                }
            }
        } catch (IOException closingAFullFile) {
            // the last buffered bytes could not be written either: the disk is full, as wanted
        }
        return written;
    }

    /** Deletes the filler, giving the space back. */
    public void free() throws IOException {
        Files.deleteIfExists(path.resolve(FILLER));
    }

    /** Makes the disk read-only, as a disk that turned read-only under a running workbench would be. */
    public void remountReadOnly() throws IOException, InterruptedException {
        Process remount = new ProcessBuilder("mount", "-o", "remount,ro", path.toString()).inheritIO().start();
        if (!remount.waitFor(30, TimeUnit.SECONDS) || remount.exitValue() != 0) {
            throw new IOException("could not remount " + path + " read-only");
        }
    }

    /** Unmounts; what was on the disk is gone with it. */
    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", path.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }
}
