package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Models screen's state: the server's models, the selected one and its details, the pull panel, and
 * deleting after a confirm. Every call to the server starts through the task executor; when the server cannot
 * be reached the list's problem says so, with the fix, instead of an empty table.
 */
public final class ModelsViewModel {
    private final Supplier<ModelGateway> models;
    private final TaskExecutor tasks;
    private final ObservableList<LocalModel> list = FXCollections.observableArrayList();
    private final ObjectProperty<LocalModel> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsProblem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper listProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper deleteQuestion = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper();
    private final ModelDetailsViewModel details;
    private final PullViewModel pull;
    private LocalModel pendingDelete;
    private boolean loadStarted;
    private URI listedFrom;
    private int listRequest;

    private record Listing(URI server, Outcome<List<LocalModel>> models) {
    }

    /**
     * @param models the gateway to the model server as it is now (the address can change while the app runs)
     * @param server the model server as last checked (null until the first check): a server that starts
     *               answering, or a new address, brings the list up to date
     */
    public ModelsViewModel(Supplier<ModelGateway> models, ReadOnlyObjectProperty<ServerStatus> server,
                           TaskExecutor tasks) {
        this.models = models;
        this.tasks = tasks;
        this.details = new ModelDetailsViewModel(models, tasks);
        this.pull = new PullViewModel(models, tasks, name -> reload("Pulled " + name + ".", Optional.of(name)));
        selected.addListener((obs, was, now) -> {
            cancelDelete();
            if (now == null) {
                details.clear();
            } else if (was == null || !was.equals(now)) {
                details.show(now);
            }
        });
        server.addListener((obs, was, now) -> serverChanged(now));
    }

    /** Reads the list the first time the screen is shown; later calls do nothing. */
    public void loadOnce() {
        if (!loadStarted) {
            reload();
        }
    }

    /** Reads the list again, keeping the selection. */
    public void reload() {
        reload(null, Optional.empty());
    }

    /**
     * {@code notice} leads the status line (e.g. "Deleted x."); {@code select} names the model to select
     * afterwards (a fresh pull), else the selection is kept.
     */
    private void reload(String notice, Optional<String> select) {
        loadStarted = true;
        int asked = ++listRequest;
        reading.set(true);
        say((notice == null ? "" : notice + " ") + "Reading the list of models…", false);
        Optional<String> keep = select.or(() -> Optional.ofNullable(selected.get()).map(LocalModel::name));
        tasks.run(() -> {
            ModelGateway gateway = models.get();
            return new Listing(gateway.baseUri(), Outcome.ofServer(gateway::listModels));
        }, listing -> {
            if (asked != listRequest) {
                return;
            }
            reading.set(false);
            listedFrom = listing.server();
            if (listing.models().isOk()) {
                showModels(listing.server(), listing.models().value(), notice, keep);
            } else {
                showProblem(listing.models().problem());
            }
        }, failure -> {
            if (asked == listRequest) {
                reading.set(false);
                showProblem(Outcome.unexpected(failure));
            }
        });
    }

    private void showModels(URI server, List<LocalModel> found, String notice, Optional<String> keep) {
        listProblem.set("");
        list.setAll(found);
        int count = found.size();
        say((notice == null ? "" : notice + " ") + (count == 0 ? "No models" : count == 1 ? "1 model"
                : count + " models") + " on the Ollama server at " + server + ".", false);
        emptyText.set("No models on " + server + " yet. Type a name above and press Pull; qwen2.5:0.5b is a "
                + "small one to start with, and https://ollama.com/library lists them all.");
        selected.set(keep.flatMap(name -> found.stream()
                .filter(m -> m.name().equals(name) || m.name().equals(name + ":latest")).findFirst()).orElse(null));
    }

    private void showProblem(String sentence) {
        list.clear();
        listProblem.set(sentence);
        say("The list of models could not be read.", false);
    }

    private void serverChanged(ServerStatus now) {
        if (now == null || !loadStarted) {
            return;
        }
        boolean moved = listedFrom != null && !listedFrom.equals(now.server());
        if (moved || (now.reachable() && !listProblem.get().isEmpty())) {
            reload();
        }
    }

    /** Asks before deleting the selected model. */
    public void askDelete() {
        LocalModel model = selected.get();
        if (model == null) {
            return;
        }
        pendingDelete = model;
        deleteQuestion.set("Delete " + model.name() + "? It frees " + PullBoard.bytes(model.sizeBytes())
                + "; using it again means pulling it again.");
    }

    public void cancelDelete() {
        pendingDelete = null;
        deleteQuestion.set("");
    }

    /** Deletes the model asked about, then reads the list again. */
    public void confirmDelete() {
        LocalModel model = pendingDelete;
        cancelDelete();
        if (model == null) {
            return;
        }
        deleting.set(true);
        say("Deleting " + model.name() + "…", false);
        tasks.run(() -> Outcome.ofServer(() -> {
            models.get().delete(model.name());
            return model.name();
        }), outcome -> {
            deleting.set(false);
            if (outcome.isOk()) {
                reload("Deleted " + model.name() + ".", Optional.empty());
            } else {
                say(outcome.problem(), true);
            }
        }, failure -> {
            deleting.set(false);
            say(Outcome.unexpected(failure), true);
        });
    }

    private void say(String text, boolean problem) {
        status.set(text);
        statusIsProblem.set(problem);
    }

    public ObservableList<LocalModel> models() {
        return list;
    }

    /** The model selected in the table; the list selects a freshly pulled one and keeps the selection on reload. */
    public ObjectProperty<LocalModel> selectedProperty() {
        return selected;
    }

    /** The line above the table: how many models and where, or what is happening. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsProblemProperty() {
        return statusIsProblem.getReadOnlyProperty();
    }

    /** Why the list could not be read, with the fix; empty when it could. */
    public ReadOnlyStringProperty listProblemProperty() {
        return listProblem.getReadOnlyProperty();
    }

    /** What an empty list says. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** The confirm question while a delete waits for it; empty otherwise. */
    public ReadOnlyStringProperty deleteQuestionProperty() {
        return deleteQuestion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    public ModelDetailsViewModel details() {
        return details;
    }

    public PullViewModel pull() {
        return pull;
    }
}
