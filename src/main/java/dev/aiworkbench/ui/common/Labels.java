package dev.aiworkbench.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Label helpers shared by the screens. */
public final class Labels {
    private Labels() {
    }

    /**
     * A label that wraps and keeps its full height; without the minimum height JavaFX cuts a wrapped
     * label to one line with an ellipsis inside cards and rows.
     */
    public static Label wrapped(String text, String... styleClasses) {
        Label label = new Label(text);
        wrap(label);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    public static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }
}
