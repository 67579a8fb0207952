package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * The Ollama server's address in Settings: the one in use and where it came from (the command line, Settings,
 * OLLAMA_HOST or the default), whether the server answers, a field to save another, and a way back to OLLAMA_HOST
 * or the default. Reading and saving run through the task executor.
 */
public final class ServerAddressViewModel {
    private final OllamaAddress address;
    private final Runnable onSaved;
    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("Reading…");
    private final ReadOnlyStringWrapper serverState = new ReadOnlyStringWrapper("");
    private final StringProperty url = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper();

    private record Address(OllamaEndpoint endpoint, Optional<String> saved) {
    }

    /**
     * @param server  the model server as last checked; null until the first check has answered
     * @param onSaved runs once a new address is saved (the app checks the server again)
     */
    public ServerAddressViewModel(OllamaAddress address, ReadOnlyObjectProperty<ServerStatus> server, Runnable onSaved,
                                  TaskExecutor tasks) {
        this.address = address;
        this.onSaved = onSaved;
        this.tasks = tasks;
        url.addListener((obs, was, now) -> {
            if (messageIsProblem.get()) {
                say("", false);
            }
        });
        server.addListener((obs, was, now) -> showServer(now));
        showServer(server.get());
    }

    /** Reads the address in use, and the saved one into the field. */
    public void load() {
        load(true);
    }

    private void load(boolean fillField) {
        tasks.run(() -> new Address(address.inUse().get(), address.saved().get()), read -> {
            source.set(read.endpoint().baseUri() + " · " + describe(read.endpoint().source()));
            if (fillField) {
                url.set(read.saved().orElse(""));
            }
        }, failure -> say(Sentences.of(failure.getMessage()), true));
    }

    private static String describe(String source) {
        return switch (source) {
            case "--ollama-url" -> "from --ollama-url on the command line (it wins over Settings while the app runs)";
            case "Settings" -> "from Settings";
            case OllamaEndpoint.ENVIRONMENT_VARIABLE -> "from OLLAMA_HOST";
            case "default" -> "the default (OLLAMA_HOST is not set)";
            default -> "from " + source;
        };
    }

    private void showServer(ServerStatus status) {
        if (status == null) {
            serverState.set("Checking…");
            return;
        }
        serverState.set(status.reachable()
                ? "Answering at " + status.server() + status.version().map(v -> " (Ollama " + v + ")").orElse("") + "."
                : status.problem().orElse("No answer from " + status.server() + "."));
    }

    /** Saves the address typed, or says what is wrong with it. @return whether it went to be saved */
    public boolean save() {
        String text = url.get() == null ? "" : url.get().strip();
        if (text.isEmpty()) {
            say("Type an address such as 127.0.0.1:11434, or press \"Use OLLAMA_HOST / default\" to stop using one "
                    + "from Settings.", true);
            return false;
        }
        try {
            OllamaEndpoint.parse(text);
        } catch (IllegalArgumentException e) {
            say("'" + text + "' is not an address Ollama can be reached at. Use host:port such as 127.0.0.1:11434, "
                    + "or a URL such as http://gpu-box:11434.", true);
            return false;
        }
        keep(Optional.of(text), () -> say("Saved. Checking the server at the new address…", false));
        return true;
    }

    /** Forgets the saved address: OLLAMA_HOST, or the default, is used again. */
    public void reset() {
        keep(Optional.empty(), () -> {
            url.set("");
            say("Saved: the address comes from OLLAMA_HOST, or the default. Checking the server…", false);
        });
    }

    private void keep(Optional<String> value, Runnable then) {
        tasks.run(() -> {
            address.save().accept(value);
            return value;
        }, saved -> {
            then.run();
            onSaved.run();
            load(false);
        }, failure -> say(Sentences.of(failure.getMessage()), true));
    }

    private void say(String text, boolean problem) {
        message.set(text);
        messageIsProblem.set(problem);
    }

    /** The address in use and where it came from. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** Whether the server answers there, as a sentence. */
    public ReadOnlyStringProperty serverStateProperty() {
        return serverState.getReadOnlyProperty();
    }

    /** The address typed in the field. */
    public StringProperty urlProperty() {
        return url;
    }

    /** What the last save said; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }
}
