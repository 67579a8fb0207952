package dev.aiworkbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pack files the running app was asked to open, however they came (its own command line, another start handing
 * one over through {@link PackHandoff}, the macOS Finder), kept until the app has a session to offer their install
 * in. Files arrive on any thread; each is given to the receiver once, in order of arrival.
 */
public final class PackFileInbox {
    private final List<Path> waiting = new ArrayList<>();
    private Consumer<Path> receiver;

    public synchronized void deliver(Path packFile) {
        if (receiver == null) {
            waiting.add(packFile);
        } else {
            receiver.accept(packFile);
        }
    }

    /** From now on files go to this receiver, the ones that were waiting first. */
    public synchronized void receiveWith(Consumer<Path> newReceiver) {
        receiver = newReceiver;
        List<Path> arrived = List.copyOf(waiting);
        waiting.clear();
        arrived.forEach(newReceiver);
    }

    /** Files wait again, while the app has no session to offer them in (a pack switch, say). */
    public synchronized void hold() {
        receiver = null;
    }
}
