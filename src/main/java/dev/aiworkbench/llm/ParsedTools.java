package dev.aiworkbench.llm;

import dev.aiworkbench.diagnostics.Problem;

import java.util.List;

/**
 * What reading a list of tool definitions gave: the definitions, or every problem found, each at its line and column.
 * With any problem there are no definitions, so a half-read list is never offered to a model.
 */
public record ParsedTools(List<ToolDefinition> definitions, List<Problem> problems) {
    public ParsedTools {
        definitions = List.copyOf(definitions);
        problems = List.copyOf(problems);
        if (!problems.isEmpty() && !definitions.isEmpty()) {
            throw new IllegalArgumentException("a list with problems offers no tools");
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
