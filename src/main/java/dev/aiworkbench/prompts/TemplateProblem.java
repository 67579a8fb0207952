package dev.aiworkbench.prompts;

/**
 * Something in a template that looks like a slot but is not one: a {@code {{} that is never closed,
 * or braces around something that is not a variable name. Offsets are as in {@link TemplateSlot};
 * line and column count from 1, for messages.
 */
public record TemplateProblem(int start, int end, int line, int column, String message) {
    /** The problem as a sentence with its place, e.g. "line 2, column 5: …". */
    public String describe() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
