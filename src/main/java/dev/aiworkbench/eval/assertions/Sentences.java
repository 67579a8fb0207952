package dev.aiworkbench.eval.assertions;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How promptfoo's RAG metrics cut text into units: text of two or more non-empty lines is one unit per line
 * (it was written one fact a line); a single block of prose is cut after '.', '!' or '?' followed by
 * whitespace. A bare list marker ("1.") is not a unit.
 */
final class Sentences {
    private static final Pattern LINE = Pattern.compile("\\R");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern MARKER_ONLY = Pattern.compile("\\d+[.)]");

    private Sentences() {
    }

    /** The non-empty lines, stripped. */
    static List<String> lines(String text) {
        return Arrays.stream(LINE.split(text)).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The units of a text: its lines when it has several, else its sentences. */
    static List<String> units(String text) {
        List<String> lines = lines(text);
        List<String> segments = lines.size() > 1 ? lines : Arrays.asList(SENTENCE_END.split(text.strip()));
        return segments.stream().map(String::strip)
                .filter(s -> !s.isEmpty() && !MARKER_ONLY.matcher(s).matches()).toList();
    }
}
