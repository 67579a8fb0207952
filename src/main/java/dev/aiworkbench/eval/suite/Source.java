package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.YamlDocument;

/**
 * A parsed YAML (or JSON) file with its text, so that problems can point at keys as well as values:
 * the document locates values, and a key is found by looking back from its value.
 */
final class Source {
    private final YamlDocument document;
    private final String text;
    private final int lineOffset;
    private final int[] lineStarts;

    private Source(YamlDocument document, String text, int lineOffset) {
        this.document = document;
        this.text = text;
        this.lineOffset = lineOffset;
        this.lineStarts = starts(text);
    }

    /** @param lineOffset lines before {@code text} in its file (a JSONL line is parsed on its own) */
    static Source parse(String file, String text, int lineOffset) throws ProblemException {
        return new Source(YamlDocument.parse(file, text, lineOffset), text, lineOffset);
    }

    private static int[] starts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    String file() {
        return document.file();
    }

    JsonNode root() {
        return document.root();
    }

    SourcePosition at(JsonNode node) {
        return document.position(node);
    }

    /** Where the field's key is written; where its object starts when the object lacks the field. */
    SourcePosition keyAt(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return at(object);
        }
        SourcePosition valueAt = at(value);
        int line = valueAt.line() - lineOffset;
        if (line < 1 || line > lineStarts.length) {
            return valueAt;
        }
        int offset = Math.min(text.length(), lineStarts[line - 1] + valueAt.column() - 1);
        for (int i = text.lastIndexOf(field, offset - 1); i >= 0; i = i == 0 ? -1 : text.lastIndexOf(field, i - 1)) {
            int start = keyStart(i, field);
            if (start >= 0) {
                return positionOf(start);
            }
        }
        return valueAt;
    }

    /** The offset where a key written at {@code i} starts (its opening quote, if any); -1 when it is not a key there. */
    private int keyStart(int i, String field) {
        int start = i;
        int end = i + field.length();
        if (start > 0 && (text.charAt(start - 1) == '"' || text.charAt(start - 1) == '\'')) {
            char quote = text.charAt(start - 1);
            if (end >= text.length() || text.charAt(end) != quote) {
                return -1;
            }
            start--;
            end++;
        }
        if (start > 0) {
            char before = text.charAt(start - 1);
            if (!Character.isWhitespace(before) && before != '{' && before != ',' && before != '-') {
                return -1;
            }
        }
        int j = end;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == ':' ? start : -1;
    }

    private SourcePosition positionOf(int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return new SourcePosition(file(), line + 1 + lineOffset, offset - lineStarts[line] + 1);
    }
}
