package dev.aiworkbench.ui.playground;

import dev.aiworkbench.prompts.PromptDiff;
import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.PromptSummary;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The saved prompts, the chosen one's versions, and a diff between two of them. */
public final class VersionsViewModel {
    private final PromptRegistry prompts;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> report;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty prompt = new SimpleStringProperty();
    private final ObservableList<PromptVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<Integer> numbers = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> to = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PromptDiff> diff = new ReadOnlyObjectWrapper<>();

    VersionsViewModel(PromptRegistry prompts, TaskExecutor tasks, Consumer<Throwable> report) {
        this.prompts = prompts;
        this.tasks = tasks;
        this.report = report;
        prompt.addListener((obs, was, now) -> load(now));
    }

    /** Reads the saved prompts again; {@code select} (or null) names the one to show afterwards. */
    public void refresh(String select) {
        tasks.run(prompts::list, list -> {
            names.setAll(list.stream().map(PromptSummary::name).toList());
            if (select == null) {
                return;
            }
            if (Objects.equals(select, prompt.get())) {
                load(select);
            } else {
                prompt.set(select);
            }
        }, report);
    }

    private void load(String name) {
        if (name != null) {
            tasks.run(() -> prompts.versions(name), this::show, report);
        }
    }

    private void show(List<PromptVersion> list) {
        versions.setAll(list);
        List<Integer> all = list.stream().map(PromptVersion::version).toList();
        numbers.setAll(all);
        if (all.size() >= 2) {
            from.set(all.get(all.size() - 2));
            to.set(all.get(all.size() - 1));
        }
    }

    /** Diffs the two chosen versions; does nothing until a prompt and both versions are chosen. */
    public void showDiff() {
        String name = prompt.get();
        if (name == null || from.get() == null || to.get() == null) {
            return;
        }
        PromptRef older = PromptRef.of(name, from.get());
        PromptRef newer = PromptRef.of(name, to.get());
        tasks.run(() -> prompts.diff(older, newer), diff::set, report);
    }

    public ObservableList<String> names() {
        return names;
    }

    /** The chosen prompt; choosing one reads its versions. */
    public StringProperty promptProperty() {
        return prompt;
    }

    public ObservableList<PromptVersion> versions() {
        return versions;
    }

    public ObservableList<Integer> numbers() {
        return numbers;
    }

    public ObjectProperty<Integer> fromProperty() {
        return from;
    }

    public ObjectProperty<Integer> toProperty() {
        return to;
    }

    /** The last diff asked for; null before the first. */
    public ReadOnlyObjectProperty<PromptDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }
}
