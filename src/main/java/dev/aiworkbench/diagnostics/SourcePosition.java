package dev.aiworkbench.diagnostics;

/** A place in a pack file: path relative to the pack root and 1-based line and column. */
public record SourcePosition(String file, int line, int column) {

    public static SourcePosition startOf(String file) {
        return new SourcePosition(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
