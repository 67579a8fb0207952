package dev.aiworkbench.ui.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sampling options (empty means the server's default) and the answer's format. */
final class OptionsForm extends VBox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAIN = "Plain text";
    private static final String JSON_ANY = "JSON";
    private static final String JSON_SCHEMA = "JSON matching a schema";

    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final TextField stop = new TextField();
    private final ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList(PLAIN, JSON_ANY, JSON_SCHEMA));
    private final TextArea schema = new TextArea();

    OptionsForm() {
        setSpacing(8);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int column = 0;
        int row = 0;
        for (String name : List.of("temperature", "top_p", "top_k", "seed", "num_predict", "num_ctx")) {
            TextField field = new TextField();
            field.setId("opt-" + name);
            field.setPromptText("default");
            field.setPrefColumnCount(6);
            Label label = new Label(name);
            label.setLabelFor(field);
            label.setMinWidth(Label.USE_PREF_SIZE);
            fields.put(name, field);
            grid.add(label, column, row);
            grid.add(field, column + 1, row);
            column += 2;
            if (column == 4) {
                column = 0;
                row++;
            }
        }
        stop.setId("opt-stop");
        stop.setPromptText("stop sequences, separated by |, e.g. \\n\\n|END");
        Label stopLabel = new Label("stop");
        stopLabel.setLabelFor(stop);
        grid.add(stopLabel, 0, row);
        grid.add(stop, 1, row, 3, 1);
        format.setId("format-choice");
        format.setValue(PLAIN);
        schema.setId("format-schema");
        schema.setPromptText("{\"type\": \"object\", \"properties\": {\"answer\": {\"type\": \"string\"}}, \"required\": [\"answer\"]}");
        schema.setPrefRowCount(4);
        schema.visibleProperty().bind(format.valueProperty().isEqualTo(JSON_SCHEMA));
        schema.managedProperty().bind(schema.visibleProperty());
        Label formatLabel = new Label("Answer format");
        formatLabel.setLabelFor(format);
        getChildren().addAll(grid, new VBox(4, formatLabel, format, schema));
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    ModelOptions options() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (!field.getText().isBlank()) {
                values.put(name, List.of(field.getText().strip()));
            }
        });
        List<String> stops = new ArrayList<>();
        for (String part : stop.getText().split("\\|")) {
            if (!part.isEmpty()) {
                stops.add(part.replace("\\n", "\n").replace("\\t", "\t"));
            }
        }
        if (!stops.isEmpty()) {
            values.put("stop", stops);
        }
        return ModelOptions.parse(values);
    }

    /** @throws IllegalArgumentException when the schema is not JSON */
    OutputFormat format() {
        return switch (format.getValue()) {
            case JSON_ANY -> OutputFormat.JSON;
            case JSON_SCHEMA -> {
                try {
                    yield new OutputFormat.JsonSchema(JSON.readTree(schema.getText()));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("the JSON Schema is not valid JSON: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
                }
            }
            default -> OutputFormat.PLAIN;
        };
    }

    void fill(ModelOptions options, OutputFormat outputFormat) {
        set("temperature", options.temperature());
        set("top_p", options.topP());
        set("top_k", options.topK());
        set("seed", options.seed());
        set("num_predict", options.numPredict());
        set("num_ctx", options.numCtx());
        stop.setText(String.join("|", options.stop().stream().map(s -> s.replace("\n", "\\n").replace("\t", "\\t"))
                .toList()));
        switch (outputFormat) {
            case OutputFormat.Json json -> format.setValue(JSON_ANY);
            case OutputFormat.JsonSchema jsonSchema -> {
                format.setValue(JSON_SCHEMA);
                schema.setText(jsonSchema.schema().toPrettyString());
            }
            case OutputFormat.Plain plain -> format.setValue(PLAIN);
        }
    }

    private void set(String name, Object value) {
        fields.get(name).setText(value == null ? "" : String.valueOf(value));
    }
}
