package dev.aiworkbench.app;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day-named files an earlier version's log rolled into ({@code workbench.2026-11-30.0.log}). That version removed
 * them after 14 days; the size-rolled log that replaced it ({@link Logging}) does not know them, so they are removed
 * here once 14 days old, as was promised, and the folder is left with the size-rolled files alone.
 */
public final class DatedLogFiles {
    private static final int KEPT_DAYS = 14;
    private static final Pattern NAME = Pattern.compile("workbench\\.(\\d{4}-\\d{2}-\\d{2})\\.\\d+\\.log");

    private DatedLogFiles() {
    }

    /**
     * Removes the day-named files dated more than {@link #KEPT_DAYS} days before {@code today}. A file that cannot be
     * removed is left for the next time and logged: nothing the learner needs to act on, so this never fails.
     *
     * @return the files removed
     */
    public static List<Path> removeExpired(Path logs, LocalDate today) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(logs)) {
            return removed;
        }
        LocalDate oldestKept = today.minusDays(KEPT_DAYS);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs)) {
            for (Path file : files) {
                if (datedBefore(file, oldestKept) && Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(DatedLogFiles.class).warn("could not remove old day-named log files in {}", logs, e);
        }
        return removed;
    }

    private static boolean datedBefore(Path file, LocalDate oldestKept) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return false;
        }
        try {
            return LocalDate.parse(name.group(1)).isBefore(oldestKept);
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
