package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.ui.Session;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Side by side: two versions of a prompt on the current model, or the editor's prompt on two
 * models, run at once on the same variables.
 */
final class ComparePane extends VBox {
    static final String TWO_MODELS = "One prompt on two models";
    static final String TWO_VERSIONS = "Two versions on one model";

    private final Session session;
    private final ChoiceBox<String> mode = new ChoiceBox<>(FXCollections.observableArrayList(TWO_MODELS, TWO_VERSIONS));
    private final ComboBox<String> left = new ComboBox<>();
    private final ComboBox<String> right = new ComboBox<>();
    private final OutputPane leftPane = new OutputPane("left-");
    private final OutputPane rightPane = new OutputPane("right-");
    private final RunLauncher leftRun;
    private final RunLauncher rightRun;
    private final Label problem = new Label();
    private List<String> models = List.of();
    private List<String> versions = List.of();

    /**
     * @param editorSetup the editor's prompt on its chosen model (throws IllegalArgumentException for bad input)
     * @param variables   the editor's variables
     * @param model       the editor's chosen model
     * @param price       the chosen price row
     */
    ComparePane(Session session, Supplier<RunSetup> editorSetup, Supplier<Map<String, String>> variables,
                Supplier<String> model, Supplier<String> price) {
        this.session = session;
        setSpacing(8);
        leftRun = new RunLauncher(session, leftPane, kept -> { });
        rightRun = new RunLauncher(session, rightPane, kept -> { });
        mode.setId("compare-mode");
        mode.setValue(TWO_MODELS);
        mode.setOnAction(e -> fillChoices());
        left.setId("compare-a");
        right.setId("compare-b");
        left.setEditable(true);
        right.setEditable(true);
        Button run = new Button("Run both");
        run.setId("run-compare");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> runBoth(editorSetup, variables, model, price));
        Button stop = new Button("Stop both");
        stop.setId("stop-compare");
        stop.setOnAction(e -> {
            leftRun.stop();
            rightRun.stop();
        });
        problem.setId("compare-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        HBox panes = new HBox(12, leftPane, rightPane);
        HBox.setHgrow(leftPane, Priority.ALWAYS);
        HBox.setHgrow(rightPane, Priority.ALWAYS);
        leftPane.setMaxWidth(Double.MAX_VALUE);
        rightPane.setMaxWidth(Double.MAX_VALUE);
        leftPane.setPrefWidth(300);
        rightPane.setPrefWidth(300);
        VBox.setVgrow(panes, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, mode, left, new Label("vs"), right, run, stop), problem, panes);
    }

    void setModels(List<String> names) {
        models = List.copyOf(names);
        fillChoices();
    }

    void setVersions(List<PromptVersion> all) {
        versions = all.stream().map(PromptVersion::label).toList();
        fillChoices();
    }

    private void fillChoices() {
        List<String> items = TWO_MODELS.equals(mode.getValue()) ? models : versions;
        left.getItems().setAll(items);
        right.getItems().setAll(items);
        if (items.size() >= 2) {
            left.setValue(items.get(items.size() - 2));
            right.setValue(items.get(items.size() - 1));
        }
    }

    private void runBoth(Supplier<RunSetup> editorSetup, Supplier<Map<String, String>> variables,
                         Supplier<String> model, Supplier<String> price) {
        problem.setText("");
        String a = left.getValue();
        String b = right.getValue();
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            problem.setText("Choose what to compare on both sides.");
            return;
        }
        if (TWO_MODELS.equals(mode.getValue())) {
            try {
                RunSetup base = editorSetup.get();
                leftRun.start(base.withModel(a), price.get(), "Running on " + a + "…");
                rightRun.start(base.withModel(b), price.get(), "Running on " + b + "…");
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
            }
            return;
        }
        Map<String, String> values = variables.get();
        String chosenModel = model.get();
        session.background(() -> {
            List<RunSetup> setups = new ArrayList<>();
            for (String label : List.of(a, b)) {
                setups.add(RunSetup.of(session.workbench().prompts().get(label), chosenModel, values));
            }
            setups.forEach(RunSetup::renderedPrompt);
            return setups;
        }, setups -> {
            leftRun.start(setups.get(0), price.get(), "Running " + a + "…");
            rightRun.start(setups.get(1), price.get(), "Running " + b + "…");
        });
    }
}
