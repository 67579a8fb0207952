package dev.aiworkbench.diagnostics;

import java.util.Comparator;

/**
 * One thing wrong with a pack, at a place an editor can jump to.
 *
 * @param file   path relative to the pack root, with forward slashes
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole line or file
 */
public record Problem(String file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::message);

    public static Problem error(SourcePosition at, String message) {
        return new Problem(at.file(), at.line(), at.column(), Severity.ERROR, message);
    }

    public static Problem warning(SourcePosition at, String message) {
        return new Problem(at.file(), at.line(), at.column(), Severity.WARNING, message);
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
