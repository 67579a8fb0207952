package dev.aiworkbench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of database backups, named {@code workbench-<UTC yyyyMMdd-HHmmss>-<reason>.db}. Only files with
 * such a name count as backups, so nothing else a learner keeps there is ever listed or deleted.
 */
public final class BackupFolder {
    private static final Pattern NAME = Pattern.compile("workbench-(\\d{8}-\\d{6})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.db");
    private static final Pattern REASON = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;

    public BackupFolder(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The backups here, newest first; none when the folder does not exist yet. */
    public List<Backup> list() {
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.toList()) {
                parse(file).ifPresent(backups::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the backups in " + path + ": " + e.getMessage(), e);
        }
        backups.sort(Comparator.comparing(Backup::time).thenComparing(b -> b.file().getFileName().toString())
                .reversed());
        return List.copyOf(backups);
    }

    /** Where a backup made at {@code time} for {@code reason} goes. */
    Path fileFor(Instant time, String reason) {
        if (!REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("A backup reason is lower-case words joined by hyphens, not '" + reason + "'");
        }
        return path.resolve("workbench-" + STAMP.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)) + "-" + reason
                + ".db");
    }

    /** Deletes all but the newest {@code keep} backups. */
    void keepNewest(int keep) throws IOException {
        List<Backup> backups = list();
        for (Backup old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    private static Optional<Backup> parse(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Instant time = LocalDateTime.parse(name.group(1), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new Backup(file, time, name.group(2), Files.size(file)));
        } catch (DateTimeParseException | IOException e) {
            // A name that looks like ours but is not a real time, or a file gone meanwhile, is not a backup.
            return Optional.empty();
        }
    }
}
