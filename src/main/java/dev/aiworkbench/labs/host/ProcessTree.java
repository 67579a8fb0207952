package dev.aiworkbench.labs.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ends a process with everything it started: the one way labs stop a check's command and a service's
 * processes. The tree is taken before anything dies, since an orphan is no longer anyone's descendant, and it
 * is watched while it ends, since a process of it may start another on its way out.
 */
public final class ProcessTree {
    private static final long POLL_MILLIS = 20;

    /**
     * When a killed process counts as ended. A zombie (ended, but not yet reaped by its parent) runs nothing and
     * holds no files, though {@link ProcessHandle#isAlive()} still says alive.
     */
    public enum Zombies {
        /** A zombie has ended: enough when nothing waits for its exit (a check's stray command). */
        COUNT_AS_ENDED,
        /**
         * Only a reaped process has ended: a service's stop promises that none of its processes is left, and a
         * caller may check that with {@link ProcessHandle#isAlive()}.
         */
        WAIT_UNTIL_REAPED
    }

    private ProcessTree() {
    }

    /** The process and its descendants, as they are now. */
    public static Set<ProcessHandle> of(ProcessHandle root) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /**
     * Kills the tree at once (SIGKILL) and waits up to {@code wait} for it to end.
     *
     * @return whether every process of the tree ended
     */
    public static boolean kill(ProcessHandle root, Duration wait, Zombies zombies) throws InterruptedException {
        return stop(root, Duration.ZERO, wait, zombies).isEmpty();
    }

    /**
     * Asks the tree to stop (SIGTERM, so a server such as uvicorn shuts its app down cleanly) and waits up to
     * {@code grace}; then kills what is left (SIGKILL) and waits up to {@code force}. A zero grace kills at once.
     *
     * @return the processes of the tree that did not end (none when it worked)
     */
    public static List<ProcessHandle> stop(ProcessHandle root, Duration grace, Duration force, Zombies zombies)
            throws InterruptedException {
        Set<ProcessHandle> tree = of(root);
        if (!grace.isZero() && end(tree, ProcessHandle::destroy, grace, zombies)) {
            return List.of();
        }
        end(tree, ProcessHandle::destroyForcibly, force, zombies);
        return tree.stream().filter(handle -> !ended(handle, zombies)).toList();
    }

    /** Signals every process of the tree not yet ended, and those it starts meanwhile, until all end or time is up. */
    private static boolean end(Set<ProcessHandle> tree, Consumer<ProcessHandle> signal, Duration limit, Zombies zombies)
            throws InterruptedException {
        List.copyOf(tree).stream().filter(handle -> !ended(handle, zombies)).forEach(signal);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (ProcessHandle handle : List.copyOf(tree)) {
                if (handle.isAlive()) {
                    handle.descendants().forEach(child -> {
                        if (tree.add(child)) {
                            signal.accept(child);
                        }
                    });
                }
            }
            if (tree.stream().allMatch(handle -> ended(handle, zombies))) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean ended(ProcessHandle handle, Zombies zombies) {
        return zombies == Zombies.COUNT_AS_ENDED ? gone(handle) : !handle.isAlive();
    }

    /**
     * Whether the process has ended or is a zombie (see {@link Zombies}), except a zombie child of this JVM: the
     * JVM reaps the processes it started at once, so one of those has ended only when it is reaped.
     */
    public static boolean gone(ProcessHandle handle) {
        return !handle.isAlive() || zombie(handle.pid()) && !handle.parent().equals(Optional.of(ProcessHandle.current()));
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
