package dev.aiworkbench.labs.services;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops a process with everything it started, and waits until {@link ProcessHandle#isAlive()} is false for each,
 * zombies included; {@code checks.ProcessTree.kill}, which stops check commands, counts a zombie as ended.
 */
final class Processes {
    private Processes() {
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM, so uvicorn shuts the app down cleanly), waits up to
     * {@code grace}, then kills what is left and waits up to {@code force}. The tree is taken before anything
     * dies, since an orphan is no longer anyone's descendant.
     *
     * @return the processes of the tree still alive at the end (none when it worked)
     */
    static List<ProcessHandle> stopTree(ProcessHandle root, Duration grace, Duration force) throws InterruptedException {
        Set<ProcessHandle> tree = tree(root);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitGone(tree, grace)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitGone(tree, force);
        }
        return tree.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** The process and its descendants, as they are now. */
    static Set<ProcessHandle> tree(ProcessHandle root) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    private static boolean awaitGone(Set<ProcessHandle> tree, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            // a process of the tree may start another while it shuts down: keep it in view
            for (ProcessHandle handle : List.copyOf(tree)) {
                if (handle.isAlive()) {
                    handle.descendants().forEach(child -> {
                        if (tree.add(child)) {
                            child.destroy();
                        }
                    });
                }
            }
            if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
                return true;
            }
            Thread.sleep(50);
        }
        return tree.stream().noneMatch(ProcessHandle::isAlive);
    }
}
