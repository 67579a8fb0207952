package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field per template variable, rebuilt as the template's variables change; values typed for a
 * variable survive while it stays in the template (and come back if it returns).
 */
final class VariablesForm extends GridPane {
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Map<String, String> remembered = new HashMap<>();
    private List<String> shown = List.of();

    VariablesForm() {
        setId("variables");
        setHgap(10);
        setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, values);
        show(List.of());
    }

    void show(List<String> variables) {
        if (variables.equals(shown)) {
            return;
        }
        fields.forEach((name, field) -> remembered.put(name, field.getText()));
        fields.clear();
        getChildren().clear();
        shown = List.copyOf(variables);
        if (variables.isEmpty()) {
            Label none = new Label("No variables: write {{name}} in the template to add one.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            add(none, 0, 0, 2, 1);
            return;
        }
        int row = 0;
        for (String name : variables) {
            Label label = new Label(name);
            TextField field = new TextField(remembered.getOrDefault(name, ""));
            field.setId("var-" + name);
            field.setPromptText("value for {{" + name + "}}");
            label.setLabelFor(field);
            fields.put(name, field);
            addRow(row++, label, field);
        }
    }

    /** The values typed so far; an empty field counts as not filled in, so the run says which is missing. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (!field.getText().isEmpty()) {
                values.put(name, field.getText());
            }
        });
        return values;
    }

    void fill(Map<String, String> values) {
        remembered.putAll(values);
        fields.forEach((name, field) -> field.setText(values.getOrDefault(name, field.getText())));
    }
}
