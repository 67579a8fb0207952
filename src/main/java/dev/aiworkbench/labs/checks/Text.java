package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.time.Duration;
import java.util.Locale;

/** Small text helpers for check messages. */
final class Text {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Reads one JSON value and refuses anything after it. */
    static final ObjectReader STRICT = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final int SNIPPET = 200;

    private Text() {
    }

    /** The text ending with a full stop (or the ?/! it has). */
    static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '?' || last == '!' ? t : t + ".";
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** At most {@code max} characters on one line, with an ellipsis when cut. */
    static String snippet(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " ⏎ ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }

    static String snippet(String text) {
        return snippet(text, SNIPPET);
    }

    /** The last {@code max} characters, on one line, with an ellipsis in front when cut. */
    static String tail(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " ⏎ ");
        return oneLine.length() <= max ? oneLine : "…" + oneLine.substring(oneLine.length() - max);
    }

    /** A JSON value in compact form, cut to a snippet. */
    static String json(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        try {
            return snippet(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            return snippet(node.toString());
        }
    }

    static String millis(long millis) {
        return millis + " ms";
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
