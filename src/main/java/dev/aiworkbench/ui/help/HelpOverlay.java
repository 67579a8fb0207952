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

import java.util.List;

/** Every keyboard shortcut on one card; Esc or the button closes it. */
public final class HelpOverlay extends VBox {
    /** @param lines the rows in order: the shell's, and each screen's from the screen registry */
    public HelpOverlay(List<HelpLine> lines, Runnable close) {
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
        for (int i = 0; i < lines.size(); i++) {
            Label keys = new Label(lines.get(i).keys());
            keys.setMinWidth(Region.USE_PREF_SIZE);
            keys.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-keys");
            grid.addRow(i, keys, Labels.wrapped(lines.get(i).action()));
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
