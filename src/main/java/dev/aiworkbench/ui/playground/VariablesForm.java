package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A field per template variable, rebuilt as the template's variables change; what is typed goes into the view
 * model's values, so it survives while the variable stays in the template (and comes back if it returns).
 */
final class VariablesForm extends GridPane {
    private final ObservableList<String> variables;
    private final ObservableMap<String, String> values;
    private final Map<String, TextField> fields = new LinkedHashMap<>();

    VariablesForm(ObservableList<String> variables, ObservableMap<String, String> values) {
        this.variables = variables;
        this.values = values;
        setId("variables");
        setHgap(10);
        setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints fieldColumn = new ColumnConstraints();
        fieldColumn.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, fieldColumn);
        variables.addListener((ListChangeListener<String>) change -> rebuild());
        values.addListener((MapChangeListener<String, String>) change -> {
            TextField field = fields.get(change.getKey());
            String now = change.getValueAdded() == null ? "" : change.getValueAdded();
            if (field != null && !field.getText().equals(now)) {
                field.setText(now);
            }
        });
        rebuild();
    }

    private void rebuild() {
        fields.clear();
        getChildren().clear();
        if (variables.isEmpty()) {
            Label none = new Label("No variables: write {{name}} in the template to add one.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            add(none, 0, 0, 2, 1);
            return;
        }
        int row = 0;
        for (String name : variables) {
            Label label = new Label(name);
            TextField field = new TextField(values.getOrDefault(name, ""));
            field.setId("var-" + name);
            field.setPromptText("value for {{" + name + "}}");
            field.textProperty().addListener((obs, was, now) -> values.put(name, now));
            label.setLabelFor(field);
            fields.put(name, field);
            addRow(row++, label, field);
        }
    }
}
