package dev.aiworkbench.ui.labs;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

import java.util.function.Consumer;

/** How the Labs views follow their view models' values that no control property binds to directly. */
final class Watch {
    private Watch() {
    }

    /** Shows a value now and whenever it changes. */
    static <T> void value(ObservableValue<T> value, Consumer<T> show) {
        show.accept(value.getValue());
        value.addListener((obs, was, now) -> show.accept(now));
    }

    /** Shows or hides a node, taking its space only while shown. */
    static void visible(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
