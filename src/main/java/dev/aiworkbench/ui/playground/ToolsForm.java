package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;

/** The Tools section: definitions pasted or loaded from a JSON file, which tools a run offers, or what is wrong. */
final class ToolsForm extends VBox {
    ToolsForm(ToolsModel model) {
        setSpacing(4);
        TextArea text = new TextArea();
        text.setId("tools-text");
        text.getStyleClass().add("tool-definitions");
        text.setPromptText("Optional: a JSON array of tool definitions, in OpenAI's \"tools\" shape "
                + "[{\"type\": \"function\", \"function\": {\"name\", \"description\", \"parameters\"}}], bare "
                + "{\"name\", \"description\", \"parameters\"} or Anthropic's {\"name\", \"description\", "
                + "\"input_schema\"}");
        text.setPrefRowCount(3);
        text.setWrapText(false);
        text.textProperty().bindBidirectional(model.textProperty());
        Button load = new Button("Load file…", new FontIcon(Feather.FOLDER));
        load.setId("load-tools");
        load.setMinWidth(Region.USE_PREF_SIZE);
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Load tool definitions");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON (.json)", "*.json"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.load(chosen.toPath());
            }
        });
        Label summary = new Label();
        summary.setId("tools-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.setId("tools-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, spacer, load);
        getChildren().addAll(text, problem, bar);
    }
}
