package dev.aiworkbench.testing.standin.ryuk;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ryuk's timeouts are written as Go durations ({@code 10s}, {@code 500ms}, {@code 1m30s}); this reads them. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private GoDuration() {
    }

    static Duration parse(String text) {
        Matcher part = PART.matcher(text.strip());
        long nanos = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double amount = Double.parseDouble(part.group(1));
            long unit = switch (part.group(2)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += Math.round(amount * unit);
            end = part.end();
        }
        if (end == 0 || end != text.strip().length()) {
            throw new IllegalArgumentException("not a duration such as 10s or 500ms: " + text);
        }
        return Duration.ofNanos(nanos);
    }
}
