package dev.aiworkbench.prompts;

import java.util.List;

/**
 * A template cannot be rendered with the values given. The message is a sentence for the learner;
 * the lists say exactly what is wrong so the command line can exit 2 and the playground can point
 * at the field.
 */
public final class TemplateException extends IllegalArgumentException {
    private final List<String> missing;
    private final List<String> unknown;
    private final List<TemplateProblem> problems;

    TemplateException(String message, List<String> missing, List<String> unknown, List<TemplateProblem> problems) {
        super(message);
        this.missing = List.copyOf(missing);
        this.unknown = List.copyOf(unknown);
        this.problems = List.copyOf(problems);
    }

    /** Variables the template uses that were given no value. */
    public List<String> missing() {
        return missing;
    }

    /** Values given for names the template does not use. */
    public List<String> unknown() {
        return unknown;
    }

    /** Malformed slots in the template itself. */
    public List<TemplateProblem> problems() {
        return problems;
    }
}
