package dev.aiworkbench.ui;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sentences said on any thread before there is a window to show them in (the data opens while the toolkit starts):
 * kept until {@link #showOn} names where they go, then handed there on the FX thread, in the order they were said.
 */
final class HeldNotices implements Consumer<String> {
    private final List<String> held = new ArrayList<>();
    private Consumer<String> shown;

    @Override
    public synchronized void accept(String sentence) {
        if (shown == null) {
            held.add(sentence);
        } else {
            Consumer<String> to = shown;
            Platform.runLater(() -> to.accept(sentence));
        }
    }

    /** Called once the toolkit is up (runLater needs it); what was held goes first. */
    synchronized void showOn(Consumer<String> to) {
        shown = to;
        List<String> earlier = List.copyOf(held);
        held.clear();
        earlier.forEach(sentence -> Platform.runLater(() -> to.accept(sentence)));
    }
}
