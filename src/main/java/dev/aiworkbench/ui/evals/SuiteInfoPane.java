package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * What the open suite holds and how it will run: its description and figures, the prompt-and-model
 * combination, the gate, and the run settings (concurrency, repeat, the baseline to compare with). Shown while
 * a suite is open.
 */
final class SuiteInfoPane extends VBox {
    private final Spinner<Integer> concurrency = new Spinner<>();
    private final Spinner<Integer> repeat = new Spinner<>();

    SuiteInfoPane(EvalsViewModel model) {
        super(8);
        setId("suite-info");
        getStyleClass().add("suite-info");
        visibleProperty().bind(model.suiteProperty().isNotNull());
        managedProperty().bind(visibleProperty());

        Label description = Labels.wrapped("", Styles.TEXT_BOLD);
        description.setId("suite-description");
        description.textProperty().bind(model.descriptionProperty());
        description.setMinWidth(Region.USE_PREF_SIZE);
        Label facts = Labels.wrapped("", Styles.TEXT_MUTED);
        facts.setId("suite-facts");
        facts.textProperty().bind(model.factsProperty());
        HBox.setHgrow(facts, Priority.ALWAYS);
        HBox about = new HBox(12, description, facts);
        about.setAlignment(Pos.BASELINE_LEFT);

        Label gate = Labels.wrapped("", Styles.TEXT_MUTED);
        gate.setId("suite-gate");
        gate.textProperty().bind(model.gateTextProperty());

        concurrency.setId("concurrency");
        concurrency.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, 4));
        concurrency.getValueFactory().valueProperty().bindBidirectional(model.concurrencyProperty());
        setUpSpinner(concurrency, "Requests sent to the model at once");
        repeat.setId("repeat");
        repeat.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, 1));
        repeat.getValueFactory().valueProperty().bindBidirectional(model.repeatProperty());
        setUpSpinner(repeat, "Runs per item; results are folded per item, and items whose runs disagree are flaky");
        ComboBox<RunHistoryModel.BaselineOption> baseline = new ComboBox<>(model.history().baselines());
        baseline.setId("baseline-choice");
        baseline.setPrefWidth(300);
        baseline.setTooltip(new Tooltip("The run a new run is paired with, item by item"));
        baseline.valueProperty().bindBidirectional(model.history().baselineProperty());

        FlowPane settings = new FlowPane(16, 8, labelled("Concurrency", concurrency), labelled("Repeat", repeat),
                labelled("Compare with", baseline));
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox variants = variantRow(model);
        for (Control c : List.of(concurrency, repeat, baseline)) {
            c.disableProperty().bind(model.run().busyProperty());
        }
        getChildren().addAll(about, variants, gate, settings);
    }

    private static HBox variantRow(EvalsViewModel model) {
        ChoiceBox<Variant> choice = new ChoiceBox<>();
        choice.setId("variant-choice");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Variant v) {
                return model.variantLabel(v);
            }

            @Override
            public Variant fromString(String text) {
                return null;
            }
        });
        choice.setItems(model.variants());
        choice.valueProperty().bindBidirectional(model.variantProperty());
        choice.disableProperty().bind(model.run().busyProperty());
        Label label = new Label("Prompt and model");
        label.setLabelFor(choice);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("variant-row");
        row.visibleProperty().bind(Bindings.size(model.variants()).greaterThan(1));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** Takes what was typed into the spinners, before a run reads them. */
    void commitSettings() {
        commit(concurrency);
        commit(repeat);
    }

    private static void setUpSpinner(Spinner<Integer> spinner, String tip) {
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        spinner.setTooltip(new Tooltip(tip));
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit(spinner);
            }
        });
    }

    /** Takes what was typed into an editable spinner; a value it cannot read is put back as it was. */
    private static void commit(Spinner<Integer> spinner) {
        if (!spinner.isEditable() || spinner.getValueFactory() == null) {
            return;
        }
        String text = spinner.getEditor().getText();
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        try {
            int typed = Integer.parseInt(text.strip());
            SpinnerValueFactory.IntegerSpinnerValueFactory bounded = (SpinnerValueFactory.IntegerSpinnerValueFactory) factory;
            factory.setValue(Math.max(bounded.getMin(), Math.min(bounded.getMax(), typed)));
        } catch (NumberFormatException | ClassCastException e) {
            // keep the last good value
        }
        spinner.getEditor().setText(String.valueOf(factory.getValue()));
    }

    private static HBox labelled(String text, Control control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
