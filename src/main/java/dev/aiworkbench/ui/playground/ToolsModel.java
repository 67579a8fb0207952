package dev.aiworkbench.ui.playground;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.llm.ParsedTools;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.llm.ToolDefinitionsJson;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Tools section: the tool definitions the learner pasted or loaded, as text, read again on every change (a few
 * kilobytes of JSON, quick enough to read as the learner types). Text that does not read keeps its problem, at its
 * line and column, and offers no tools, so a run is refused until it is fixed.
 */
public final class ToolsModel {
    /** How the problems name pasted text. */
    static final String PASTED = "tools";
    private static final long MAX_FILE_BYTES = 1 << 20;

    private final TaskExecutor tasks;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private String source = PASTED;
    private List<ToolDefinition> definitions = List.of();

    public ToolsModel(TaskExecutor tasks) {
        this.tasks = tasks;
        text.addListener((obs, was, now) -> read());
    }

    private void read() {
        ParsedTools parsed = ToolDefinitionsJson.read(source, text.get());
        definitions = parsed.definitions();
        problem.set(parsed.ok() ? "" : sentence(parsed.problems()));
        summary.set(!parsed.ok() || definitions.isEmpty() ? "" : definitions.size() == 1
                ? "1 tool offered: " + definitions.get(0).name()
                : definitions.size() + " tools offered: " + String.join(", ",
                definitions.stream().map(ToolDefinition::name).toList()));
    }

    private static String sentence(List<Problem> problems) {
        Problem first = problems.get(0);
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)";
        return "Tools line " + Math.max(first.line(), 1) + ":" + Math.max(first.column(), 1) + ": "
                + Sentences.of(first.message()) + more + " Fix the definitions, or clear them to run without tools.";
    }

    /** Reads a JSON file of definitions into the section (off the FX thread); a file that cannot be read says why. */
    public void load(Path file) {
        String name = file.getFileName().toString();
        tasks.run(() -> {
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException("the file " + name + " is larger than 1 MB, and tool definitions are a few "
                            + "kilobytes");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("could not read " + name + " as UTF-8 text", e);
            }
        }, loaded -> {
            source = name;
            text.set(loaded);
            read();
        }, failure -> problem.set(Sentences.of(failure.getMessage()) + " Choose another file or paste the definitions."));
    }

    /** Shows kept definitions (a saved version, a reopened run), written in the bare shape. */
    public void show(List<ToolDefinition> kept) {
        source = PASTED;
        text.set(ToolDefinitionsJson.pretty(kept));
    }

    /** The definitions the text holds; empty when there are none or the text has a problem. */
    public List<ToolDefinition> definitions() {
        return definitions;
    }

    /** Whether the text reads; a run is refused while it does not. */
    public boolean ok() {
        return problem.get().isEmpty();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The first problem as a sentence with its line and column; empty when the text reads. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Which tools the run will offer, e.g. "2 tools offered: get_weather, search"; empty for none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
