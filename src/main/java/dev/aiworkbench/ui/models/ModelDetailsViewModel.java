package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Supplier;

/**
 * What the server says about the selected model, asked for each time the selection changes; an answer for a
 * model no longer selected is dropped.
 */
public final class ModelDetailsViewModel {
    private final Supplier<ModelGateway> models;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<LocalModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private int request;

    ModelDetailsViewModel(Supplier<ModelGateway> models, TaskExecutor tasks) {
        this.models = models;
        this.tasks = tasks;
    }

    /** Nothing selected. */
    void clear() {
        request++;
        details.set(null);
        problem.set("");
        model.set(null);
    }

    void show(LocalModel selected) {
        int asked = ++request;
        details.set(null);
        problem.set("");
        model.set(selected);
        tasks.run(() -> Outcome.ofServer(() -> models.get().show(selected.name())), outcome -> {
            if (asked != request) {
                return;
            }
            if (outcome.isOk()) {
                details.set(outcome.value());
            } else {
                problem.set(outcome.problem());
            }
        }, failure -> {
            if (asked == request) {
                problem.set(Outcome.unexpected(failure));
            }
        });
    }

    /** The model shown; null when none is selected. */
    public ReadOnlyObjectProperty<LocalModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The server's answer; null while it is awaited, or when it could not be had. */
    public ReadOnlyObjectProperty<ModelDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Why the details could not be read, as a sentence; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
