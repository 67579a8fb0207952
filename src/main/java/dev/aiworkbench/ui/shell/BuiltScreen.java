package dev.aiworkbench.ui.shell;

import javafx.scene.Node;

import java.util.function.Consumer;

/**
 * A screen once its entry's factory has made it: the view, how to show one thing on it when another screen links
 * there (a task on Curriculum, a lab on Labs), and what to save before the app closes.
 */
public record BuiltScreen(Node view, Consumer<String> opener, Runnable flush) {

    /** A screen nothing links into and with nothing to save. */
    public static BuiltScreen of(Node view) {
        return new BuiltScreen(view, target -> { }, () -> { });
    }
}
