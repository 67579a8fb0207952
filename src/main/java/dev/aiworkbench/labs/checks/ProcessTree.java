package dev.aiworkbench.labs.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Kills a process with everything it started. */
public final class ProcessTree {
    private static final long POLL_MILLIS = 10;

    private ProcessTree() {
    }

    /**
     * Kills the process and its descendants (found before the process dies, since an orphan is no longer a
     * descendant), then waits up to {@code wait} for them all to be gone.
     *
     * @return whether every process of the tree is gone
     */
    public static boolean kill(ProcessHandle root, Duration wait) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(root.descendants().toList());
        root.destroyForcibly();
        for (ProcessHandle handle : List.copyOf(tree)) {
            handle.destroyForcibly();
        }
        // a second look: a descendant may have started another process while the first ones were killed
        for (ProcessHandle handle : List.copyOf(tree)) {
            handle.descendants().forEach(h -> {
                tree.add(h);
                h.destroyForcibly();
            });
        }
        tree.add(root);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tree.stream().allMatch(ProcessTree::gone)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return tree.stream().allMatch(ProcessTree::gone);
            }
        }
        return true;
    }

    /**
     * Whether the process has ended. A killed process whose new parent has not reaped it yet (a zombie: it runs
     * nothing and holds no files) counts as ended, though {@link ProcessHandle#isAlive()} still says alive.
     */
    public static boolean gone(ProcessHandle handle) {
        return !handle.isAlive() || zombie(handle.pid());
    }

    private static boolean zombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int close = text.lastIndexOf(')');
            return close > 0 && close + 2 < text.length() && text.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
