package dev.aiworkbench.ui.playground;

import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Sampling options (empty means the server's default) and the answer's format, bound to an {@link OptionsModel}. */
final class OptionsForm extends VBox {

    OptionsForm(OptionsModel model) {
        setSpacing(8);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int column = 0;
        int row = 0;
        for (String name : OptionsModel.NAMES) {
            TextField field = new TextField();
            field.setId("opt-" + name);
            field.setPromptText("default");
            field.setPrefColumnCount(6);
            field.textProperty().bindBidirectional(model.option(name));
            Label label = new Label(name);
            label.setLabelFor(field);
            label.setMinWidth(Label.USE_PREF_SIZE);
            grid.add(label, column, row);
            grid.add(field, column + 1, row);
            column += 2;
            if (column == 4) {
                column = 0;
                row++;
            }
        }
        TextField stop = new TextField();
        stop.setId("opt-stop");
        stop.setPromptText("stop sequences, separated by |, e.g. \\n\\n|END");
        stop.textProperty().bindBidirectional(model.stopProperty());
        Label stopLabel = new Label("stop");
        stopLabel.setLabelFor(stop);
        grid.add(stopLabel, 0, row);
        grid.add(stop, 1, row, 3, 1);
        ChoiceBox<OptionsModel.Format> format = new ChoiceBox<>(FXCollections.observableArrayList(
                OptionsModel.Format.values()));
        format.setId("format-choice");
        format.valueProperty().bindBidirectional(model.formatProperty());
        TextArea schema = new TextArea();
        schema.setId("format-schema");
        schema.setPromptText("{\"type\": \"object\", \"properties\": {\"answer\": {\"type\": \"string\"}}, \"required\": [\"answer\"]}");
        schema.setPrefRowCount(4);
        schema.textProperty().bindBidirectional(model.schemaProperty());
        schema.visibleProperty().bind(format.valueProperty().isEqualTo(OptionsModel.Format.JSON_SCHEMA));
        schema.managedProperty().bind(schema.visibleProperty());
        Label formatLabel = new Label("Answer format");
        formatLabel.setLabelFor(format);
        getChildren().addAll(grid, new VBox(4, formatLabel, format, schema));
    }
}
