package dev.aiworkbench.prompts;

/**
 * One line of a line diff.
 *
 * @param oldNumber the line's number (from 1) in the old text; null for an added line
 * @param newNumber the line's number (from 1) in the new text; null for a removed line
 */
public record DiffLine(Kind kind, Integer oldNumber, Integer newNumber, String text) {
    public enum Kind { UNCHANGED, ADDED, REMOVED }
}
