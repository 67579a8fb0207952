package dev.aiworkbench.diagnostics;

import java.util.Comparator;

/**
 * One thing wrong with a pack, at a place an editor can jump to.
 *
 * @param file   path relative to the pack root, with forward slashes
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole line or file
 * @param rule   the kebab-case id of the rule that found it ({@code duplicate-id}, {@code schema} …), so a linter
 *               can name it and an author can look it up; null when the check that found it names none
 */
public record Problem(String file, int line, int column, Severity severity, String message, String rule) {

    public enum Severity { ERROR, WARNING }

    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::message);

    /** A problem no rule id names. */
    public Problem(String file, int line, int column, Severity severity, String message) {
        this(file, line, column, severity, message, null);
    }

    public static Problem error(SourcePosition at, String message) {
        return new Problem(at.file(), at.line(), at.column(), Severity.ERROR, message);
    }

    public static Problem warning(SourcePosition at, String message) {
        return new Problem(at.file(), at.line(), at.column(), Severity.WARNING, message);
    }

    /** The same problem, named by a rule. */
    public Problem withRule(String ruleId) {
        return new Problem(file, line, column, severity, message, ruleId);
    }

    /** The same problem, named by a rule unless one already names it. */
    public Problem withRuleIfNone(String ruleId) {
        return rule == null ? withRule(ruleId) : this;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style form editors and CI logs understand: {@code file:line:col: message}. */
    @Override
    public String toString() {
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": " + prefix + message;
    }
}
