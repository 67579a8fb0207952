package dev.aiworkbench.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --since}: a duration back from now ({@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}, or ISO 8601
 * such as {@code PT12H}), a date ({@code 2026-01-31}, from the start of that day here) or an instant with its offset.
 */
final class Since {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([mhdw])");

    private Since() {
    }

    /** @throws CommandFailure a usage error naming the forms it takes */
    static Instant parse(String text, Instant now, ZoneId zone) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher match = SHORT.matcher(value);
        if (match.matches()) {
            long amount = Long.parseLong(match.group(1));
            Duration back = switch (match.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return now.minus(back);
        }
        try {
            if (value.startsWith("p")) {
                return now.minus(Duration.parse(value.toUpperCase(Locale.ROOT)));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new CommandFailure("--since takes a duration (30m, 24h, 7d, 2w), a date (2026-01-31) or an instant "
                    + "(2026-01-31T09:00:00Z), not '" + text + "'.", Cli.USAGE);
        }
    }
}
