package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.DiffLine;
import dev.aiworkbench.prompts.PromptDiff;
import dev.aiworkbench.prompts.SettingChange;
import dev.aiworkbench.prompts.TextDiff;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A line diff between two prompt versions: removed lines, added lines and the settings that changed. */
final class DiffView extends VBox {
    DiffView() {
        setId("diff-view");
        setSpacing(1);
        getStyleClass().add("diff-view");
    }

    void show(PromptDiff diff) {
        getChildren().clear();
        if (diff.identical()) {
            getChildren().add(new Label(diff.from() + " and " + diff.to() + " are the same."));
            return;
        }
        section("Template", diff.template());
        section("System prompt", diff.system());
        if (!diff.settings().isEmpty()) {
            getChildren().add(heading("Settings"));
            for (SettingChange change : diff.settings()) {
                Label line = new Label(change.describe());
                line.getStyleClass().add("diff-setting");
                getChildren().add(line);
            }
        }
    }

    private void section(String title, TextDiff text) {
        if (!text.changed()) {
            return;
        }
        getChildren().add(heading(title + "  (+" + text.added() + " −" + text.removed() + ")"));
        for (DiffLine line : text.lines()) {
            String marker = switch (line.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "− ";
                case UNCHANGED -> "  ";
            };
            Label label = new Label(marker + line.text());
            label.getStyleClass().addAll("diff-line", "diff-" + line.kind().name().toLowerCase(java.util.Locale.ROOT));
            label.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(label);
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "diff-heading");
        return label;
    }
}
