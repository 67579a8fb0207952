package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.ImagePullSnapshot;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.PullSnapshot;
import dev.aiworkbench.labs.services.ServiceState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * One service of the open lab: its state (status, sentence, addresses), the last lines of its log, its model pull
 * and the download of its image.
 */
public final class ServiceViewModel {
    /** How many log lines a service keeps on screen. */
    static final int MAX_LINES = 500;

    private final ServiceType type;
    private final ReadOnlyObjectWrapper<ServiceState> state;
    private final ReadOnlyObjectWrapper<PullSnapshot> pull = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImagePullSnapshot> imagePull = new ReadOnlyObjectWrapper<>();
    private final ObservableList<LogLine> log = FXCollections.observableArrayList();
    private final ObservableList<LogLine> readOnlyLog = FXCollections.unmodifiableObservableList(log);

    ServiceViewModel(ServiceType type) {
        this.type = type;
        this.state = new ReadOnlyObjectWrapper<>(ServiceState.notStarted(type));
    }

    static String name(ServiceType type) {
        return switch (type) {
            case FASTAPI -> "FastAPI";
            case QDRANT -> "Qdrant";
            case OLLAMA -> "Ollama";
        };
    }

    public ServiceType type() {
        return type;
    }

    public String name() {
        return name(type);
    }

    public ReadOnlyObjectProperty<ServiceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ServiceState state() {
        return state.get();
    }

    /** The latest progress of a model pull; null until one moves. */
    public ReadOnlyObjectProperty<PullSnapshot> pullProperty() {
        return pull.getReadOnlyProperty();
    }

    /** The latest progress of the download of an image the service waits for; null until one moves. */
    public ReadOnlyObjectProperty<ImagePullSnapshot> imagePullProperty() {
        return imagePull.getReadOnlyProperty();
    }

    /** The last {@link #MAX_LINES} lines of the service's log, oldest first. */
    public ObservableList<LogLine> log() {
        return readOnlyLog;
    }

    void show(ServiceState now) {
        state.set(now);
    }

    void pulled(PullSnapshot snapshot) {
        pull.set(snapshot);
    }

    void imagePulled(ImagePullSnapshot snapshot) {
        imagePull.set(snapshot);
    }

    /** Replaces the log with what the service has said so far. */
    void setLog(List<LogLine> lines) {
        log.setAll(lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size()));
    }

    void appendLog(List<LogLine> lines) {
        if (lines.size() >= MAX_LINES) {
            log.setAll(lines.subList(lines.size() - MAX_LINES, lines.size()));
            return;
        }
        int overflow = log.size() + lines.size() - MAX_LINES;
        if (overflow > 0) {
            log.remove(0, overflow);
        }
        log.addAll(lines);
    }
}
