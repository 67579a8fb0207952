package dev.aiworkbench.ui.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ToolCall;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One tool call of the answer on screen: its name as soon as the model names the tool, its arguments growing as they
 * stream, then pretty-printed once the call is whole, and the result the learner types for it. State for the FX
 * thread only.
 */
public final class ToolCallCard {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int index;
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper arguments = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final StringProperty result = new SimpleStringProperty("");
    private ToolCall call;

    ToolCallCard(int index, String id, String name) {
        this.index = index;
        this.id.set(id == null ? "" : id);
        this.name.set(name == null ? "" : name);
    }

    /** Adds a streamed piece of the arguments; a whole call takes none. */
    void append(String fragment) {
        if (!complete.get() && !fragment.isEmpty()) {
            arguments.set(arguments.get() + fragment);
        }
    }

    /** The call as the model finished it: its arguments indented when they are JSON, else as written, with a note. */
    void complete(ToolCall whole) {
        call = whole;
        id.set(whole.id());
        name.set(whole.name());
        try {
            arguments.set(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(whole.argumentsJson())));
            note.set("");
        } catch (JsonProcessingException e) {
            arguments.set(whole.argumentsJson());
            note.set("The model wrote arguments that are not valid JSON; a real tool would refuse them, so say so in "
                    + "the result.");
        }
        complete.set(true);
    }

    int index() {
        return index;
    }

    /** The whole call; null until the answer ended. */
    ToolCall call() {
        return call;
    }

    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The arguments so far, or indented once the call is whole. */
    public ReadOnlyStringProperty argumentsProperty() {
        return arguments.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** Why the arguments deserve a look (not valid JSON); empty when they are fine. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What running the tool gave, as the learner types it. */
    public StringProperty resultProperty() {
        return result;
    }
}
