package dev.aiworkbench.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The screens in the navigation, with the shortcut that opens each. */
public enum Screen {
    TODAY("Today", KeyCode.DIGIT1),
    CURRICULUM("Curriculum", KeyCode.DIGIT2),
    PLAYGROUND("Playground", KeyCode.DIGIT3),
    MODELS("Models", KeyCode.DIGIT4),
    EVALS("Evals", KeyCode.DIGIT5),
    LABS("Labs", KeyCode.DIGIT6),
    SETTINGS("Settings", KeyCode.COMMA);

    private final String title;
    private final KeyCombination shortcut;

    Screen(String title, KeyCode key) {
        this.title = title;
        this.shortcut = new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    public String title() {
        return title;
    }

    public KeyCombination shortcut() {
        return shortcut;
    }
}
