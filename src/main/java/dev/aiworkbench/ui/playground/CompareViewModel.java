package dev.aiworkbench.ui.playground;

import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Side by side: the editor's prompt on two models (each on its own provider, so a local model can face a hosted one),
 * or two saved versions on the editor's model, run at once on the same variables.
 */
public final class CompareViewModel {
    /** What the two sides differ in. */
    public enum Mode {
        TWO_MODELS("One prompt on two models"), TWO_VERSIONS("Two versions on one model");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the compare reads from the editor when it runs. */
    interface Editor {
        /** @throws IllegalArgumentException for bad input, with the reason */
        RunSetup setup();

        Map<String, String> variables();

        ModelChoice model();

        String price();
    }

    private final PromptRegistry prompts;
    private final TaskExecutor tasks;
    private final Editor editor;
    private final RunViewModel left;
    private final RunViewModel right;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.TWO_MODELS);
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final StringProperty leftChoice = new SimpleStringProperty();
    private final StringProperty rightChoice = new SimpleStringProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private List<String> models = List.of();
    private List<String> versions = List.of();

    CompareViewModel(PlaygroundProviders providers, PromptRegistry prompts, TaskExecutor tasks, Editor editor) {
        this.prompts = prompts;
        this.tasks = tasks;
        this.editor = editor;
        this.left = new RunViewModel(providers, tasks);
        this.right = new RunViewModel(providers, tasks);
        mode.addListener((obs, was, now) -> fillChoices());
    }

    /** The picker's entries, "model · provider". */
    void setModels(List<String> names) {
        models = List.copyOf(names);
        fillChoices();
    }

    void setVersions(List<PromptVersion> all) {
        versions = all.stream().map(PromptVersion::label).toList();
        fillChoices();
    }

    private void fillChoices() {
        List<String> items = mode.get() == Mode.TWO_MODELS ? models : versions;
        choices.setAll(items);
        if (items.size() >= 2) {
            leftChoice.set(items.get(items.size() - 2));
            rightChoice.set(items.get(items.size() - 1));
        }
    }

    public void runBoth() {
        problem.set("");
        String a = leftChoice.get();
        String b = rightChoice.get();
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            problem.set("Choose what to compare on both sides.");
            return;
        }
        String price = editor.price();
        if (mode.get() == Mode.TWO_MODELS) {
            try {
                RunSetup base = editor.setup();
                ModelChoice onLeft = ModelChoice.parse(a);
                ModelChoice onRight = ModelChoice.parse(b);
                left.start(base.withModel(onLeft.model()), onLeft.provider(), price, "Running on " + a + "…",
                        kept -> { });
                right.start(base.withModel(onRight.model()), onRight.provider(), price, "Running on " + b + "…",
                        kept -> { });
            } catch (IllegalArgumentException e) {
                problem.set(e.getMessage());
            }
            return;
        }
        Map<String, String> values = editor.variables();
        ModelChoice model = editor.model();
        tasks.run(() -> {
            List<RunSetup> setups = new ArrayList<>();
            for (String label : List.of(a, b)) {
                setups.add(RunSetup.of(prompts.get(label), model.model(), values));
            }
            setups.forEach(RunSetup::renderedPrompt);
            return setups;
        }, setups -> {
            left.start(setups.get(0), model.provider(), price, "Running " + a + "…", kept -> { });
            right.start(setups.get(1), model.provider(), price, "Running " + b + "…", kept -> { });
        }, failure -> problem.set(Sentences.of(failure.getMessage())));
    }

    public void stopBoth() {
        left.stop();
        right.stop();
    }

    public RunViewModel left() {
        return left;
    }

    public RunViewModel right() {
        return right;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The models or the version labels both sides choose from. */
    public ObservableList<String> choices() {
        return choices;
    }

    public StringProperty leftChoiceProperty() {
        return leftChoice;
    }

    public StringProperty rightChoiceProperty() {
        return rightChoice;
    }

    /** Why the compare could not start; empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
