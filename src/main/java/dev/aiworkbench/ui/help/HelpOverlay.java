package dev.aiworkbench.ui.help;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.Labels;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Every keyboard shortcut on one card; Esc or the button closes it. */
public final class HelpOverlay extends VBox {
    private static final String[][] SHORTCUTS = {
            {"Ctrl+1 … Ctrl+6", "Open Today, Curriculum, Playground, Models, Evals or Labs"},
            {"Ctrl+,", "Open Settings"},
            {"Ctrl+G", "Go to what's next: open its week with the task focused"},
            {"Ctrl+Page Down / Ctrl+Page Up", "Next or previous week (Curriculum)"},
            {"Arrow keys, Enter", "Move through phases, modules and weeks in the tree"},
            {"Tab / Shift+Tab", "Move between controls on a page"},
            {"Space", "Tick the focused task done (or untick it)"},
            {"Alt+Down, then arrows and Enter", "Change a task's state (todo, in progress, done, skipped)"},
            {"Ctrl+S", "Save the week's note now (it also saves as you pause); in the playground, save a prompt version"},
            {"Ctrl+Enter / Esc", "Run the prompt / stop the answer (playground)"},
            {"F5 / Delete", "Refresh the model list / delete the selected model, after you confirm (Models)"},
            {"Ctrl+Enter / Ctrl+Shift+Enter", "Check the lab / start it (Labs)"},
            {"Ctrl+Shift+L", "Switch between light and dark theme"},
            {"F1 or Ctrl+/", "Show or hide this list"},
            {"Esc", "Close this list"},
    };

    public HelpOverlay(Runnable close) {
        setId("help-overlay");
        setMaxSize(820, USE_PREF_SIZE);
        Card card = new Card();
        card.getStyleClass().add(Styles.ELEVATED_2);
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_3);
        card.setHeader(title);
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        ColumnConstraints keysColumn = new ColumnConstraints();
        keysColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints actionColumn = new ColumnConstraints();
        actionColumn.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keysColumn, actionColumn);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label keys = new Label(SHORTCUTS[i][0]);
            keys.setMinWidth(Region.USE_PREF_SIZE);
            keys.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-keys");
            grid.addRow(i, keys, Labels.wrapped(SHORTCUTS[i][1]));
        }
        card.setBody(grid);
        Button done = new Button("Close");
        done.setId("close-help");
        done.setCancelButton(true);
        done.setDefaultButton(true);
        done.setOnAction(e -> close.run());
        card.setFooter(new HBox(done));
        getChildren().add(card);
        setPadding(new Insets(24));
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(done::requestFocus);
            }
        });
    }
}
