package dev.aiworkbench.ui.session;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;

/** The error bar's sentence: the last failure a command reported, empty when the last command worked. */
public final class Notices {
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Path logs;

    /** @param logs the log folder, named in the sentence for a failure that came without one */
    public Notices(Path logs) {
        this.logs = logs;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    public void report(Throwable failure) {
        String message = failure.getMessage();
        error.set(message == null || message.isBlank()
                ? "Something went wrong; the log in " + logs + " has the details." : message);
    }

    public void clearError() {
        error.set("");
    }
}
