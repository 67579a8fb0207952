package dev.aiworkbench.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Export and import of a learner's progress as JSON. An import is checked completely before
 * anything is written, and then written in one transaction: it lands whole or not at all. The database is
 * backed up just before that transaction, whoever asked for the import (the command line or a screen).
 */
public final class ProgressTransfer {
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Database database;
    private final ProgressStore store;
    private final List<ArchiveSection> sections;
    private final Backups backups;

    /**
     * @param sections the parts other features add to an export, each under its own name
     * @param backups  where the database is copied before an import replaces anything
     */
    public ProgressTransfer(Database database, List<ArchiveSection> sections, Backups backups) {
        this.database = database;
        this.store = new ProgressStore(database);
        this.sections = List.copyOf(sections);
        this.backups = backups;
    }

    public ProgressArchive export(Pack pack) {
        String packId = pack.id();
        return database.inTransaction(c -> {
            PlanSettings plan = store.plan(packId).orElse(null);
            return new ProgressArchive(ProgressArchive.FORMAT, ProgressArchive.FORMAT_VERSION,
                    new ProgressArchive.PackRef(packId, pack.info().version()),
                    plan == null ? null : new ProgressArchive.Plan(plan.startDate().toString(), plan.hoursPerWeek()),
                    store.states(packId).values().stream().map(s -> new ProgressArchive.State(s.itemId(),
                            s.state().id(), Timestamps.format(s.updatedAt()))).toList(),
                    store.events(packId).stream().map(e -> new ProgressArchive.Event(e.itemId(),
                            e.kind().id(), e.fromState() == null ? null : e.fromState().id(),
                            e.toState() == null ? null : e.toState().id(), e.minutes(), Timestamps.format(e.at())))
                            .toList(),
                    store.notes(packId).stream().map(n -> new ProgressArchive.Note(n.weekId(), n.markdown(),
                            Timestamps.format(n.updatedAt()))).toList(),
                    store.timeEntries(packId).stream().map(t -> new ProgressArchive.Time(t.itemId(),
                            t.source().id(), Timestamps.format(t.startedAt()),
                            t.endedAt() == null ? null : Timestamps.format(t.endedAt()), t.minutes())).toList(),
                    exportSections(pack));
        });
    }

    private Map<String, JsonNode> exportSections(Pack pack) throws SQLException {
        Map<String, JsonNode> content = new TreeMap<>();
        for (ArchiveSection section : sections) {
            content.put(section.name(), section.export(pack));
        }
        return content;
    }

    /** Writes the export next to the target first and moves it into place, so a failed write leaves no half file. */
    public void exportTo(Pack pack, Path file) throws IOException {
        byte[] json = (ArchiveJson.mapper().writeValueAsString(export(pack)) + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, ".progress-", ".json.tmp");
        try {
            Files.write(temporary, json);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads and fully checks a progress file without writing anything. */
    public ProgressArchive read(Pack pack, Path file) throws ImportRefusedException {
        ProgressArchive archive = parse(file);
        check(pack, archive);
        return archive;
    }

    /**
     * Imports a progress file into the pack.
     *
     * @param replace allow replacing progress already recorded for the pack
     * @return what was imported
     * @throws dev.aiworkbench.store.BackupException the backup before the import failed; nothing was imported
     */
    public ProgressArchive importFrom(Pack pack, Path file, boolean replace) throws ImportRefusedException {
        ProgressArchive archive = read(pack, file);
        boolean hasProgress = database.inTransaction(c -> {
            boolean any = store.hasAnyProgress(pack.id());
            for (ArchiveSection section : sections) {
                any |= section.hasAny(pack);
            }
            return any;
        });
        if (hasProgress && !replace) {
            throw new ImportRefusedException("This data folder already has progress for '" + pack.id()
                    + "'. Export it first if you want to keep it, then import again with --replace to overwrite it.");
        }
        backups.backup(Backups.BEFORE_IMPORT);
        database.inTransaction(c -> {
            String packId = pack.id();
            store.deleteAll(packId);
            if (archive.plan() != null) {
                store.putPlan(packId, new PlanSettings(LocalDate.parse(archive.plan().startDate()),
                        archive.plan().hoursPerWeek()));
            }
            for (ProgressArchive.State s : archive.items()) {
                store.putState(packId, s.item(), TaskState.parse(s.state()), Timestamps.parse(s.updatedAt()));
            }
            for (ProgressArchive.Event e : archive.events()) {
                store.addEvent(packId, new ProgressEvent(e.item(), ProgressEvent.Kind.fromId(e.kind()),
                        e.from() == null ? null : TaskState.parse(e.from()), e.to() == null ? null : TaskState.parse(e.to()),
                        e.minutes(), Timestamps.parse(e.at())));
            }
            for (ProgressArchive.Note n : archive.notes()) {
                store.putNote(packId, new WeekNote(n.week(), n.markdown(), Timestamps.parse(n.updatedAt())));
            }
            for (ProgressArchive.Time t : archive.time()) {
                store.addTimeEntry(packId, new TimeEntry(t.item(), TimeEntry.Source.fromId(t.source()),
                        Timestamps.parse(t.startedAt()), t.endedAt() == null ? null : Timestamps.parse(t.endedAt()),
                        t.minutes()));
            }
            for (ArchiveSection section : sections) {
                section.replace(pack, archive.sections().getOrDefault(section.name(), MissingNode.getInstance()));
            }
            return null;
        });
        return archive;
    }

    private static ProgressArchive parse(Path file) throws ImportRefusedException {
        byte[] bytes = read(file);
        try {
            JsonNode root = ArchiveJson.mapper().readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new ImportRefusedException(file + " is empty.");
            }
            // Bound from the bytes, not the tree, so a problem is reported at its line.
            return isFormatOneWithoutSections(root)
                    ? ArchiveJson.mapper().treeToValue(withNoSections((ObjectNode) root), ProgressArchive.class)
                    : ArchiveJson.mapper().readValue(bytes, ProgressArchive.class);
        } catch (UnrecognizedPropertyException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr();
            throw new ImportRefusedException(file + " is not a progress export this version understands: unexpected field '"
                    + e.getPropertyName() + "'" + line + ".");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ImportRefusedException(file + " is not a valid progress export" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable JSON"));
        } catch (IOException e) {
            throw new ImportRefusedException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A format-1 export had no sections: it reads as one with none. */
    private static boolean isFormatOneWithoutSections(JsonNode root) {
        return root instanceof ObjectNode object && object.path("formatVersion").asInt(0) == 1 && !object.has("sections");
    }

    private static ObjectNode withNoSections(ObjectNode root) {
        root.putObject("sections");
        return root;
    }

    private static byte[] read(Path file) throws ImportRefusedException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ImportRefusedException(file + " is larger than " + MAX_FILE_BYTES / 1024 / 1024
                        + " MB; a progress export is far smaller, so this is not one.");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ImportRefusedException(file + " does not exist.");
        } catch (IOException e) {
            throw new ImportRefusedException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private void check(Pack pack, ProgressArchive archive) throws ImportRefusedException {
        if (!ProgressArchive.FORMAT.equals(archive.format())) {
            throw new ImportRefusedException("This file is not a progress export (format is '" + archive.format()
                    + "', expected '" + ProgressArchive.FORMAT + "').");
        }
        if (archive.formatVersion() > ProgressArchive.FORMAT_VERSION) {
            throw new ImportRefusedException("This export was written by a newer version of AI Engineer Workbench "
                    + "(format " + archive.formatVersion() + "); update the app to import it.");
        }
        if (archive.pack() == null || !pack.id().equals(archive.pack().id())) {
            throw new ImportRefusedException("This export holds progress for the pack '"
                    + (archive.pack() == null ? "?" : archive.pack().id()) + "', but the installed pack is '" + pack.id()
                    + "'. Install that pack, or import a file exported from this one.");
        }
        if (archive.items() == null || archive.events() == null || archive.notes() == null || archive.time() == null
                || archive.sections() == null) {
            throw new ImportRefusedException("This export is incomplete: items, events, notes, time and sections must "
                    + "all be present.");
        }
        for (String name : archive.sections().keySet()) {
            if (sections.stream().noneMatch(s -> s.name().equals(name))) {
                throw new ImportRefusedException("This export has a section '" + name + "' this version does not know; "
                        + "update the app to import it.");
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (ProgressArchive.State s : archive.items()) {
            requireItem(pack, s.item(), unknown);
            requireState(s.state(), "items", invalid);
            requireInstant(s.updatedAt(), "items", invalid);
        }
        for (ProgressArchive.Event e : archive.events()) {
            try {
                ProgressEvent.Kind kind = ProgressEvent.Kind.fromId(e.kind());
                if (kind == ProgressEvent.Kind.NOTE) {
                    requireWeek(pack, e.item(), unknown);
                } else {
                    requireItem(pack, e.item(), unknown);
                }
            } catch (IllegalArgumentException ex) {
                invalid.add("events: " + ex.getMessage());
            }
            if (e.from() != null) {
                requireState(e.from(), "events", invalid);
            }
            if (e.to() != null) {
                requireState(e.to(), "events", invalid);
            }
            if (e.minutes() != null && e.minutes() < 0) {
                invalid.add("events: negative minutes");
            }
            requireInstant(e.at(), "events", invalid);
        }
        for (ProgressArchive.Note n : archive.notes()) {
            requireWeek(pack, n.week(), unknown);
            if (n.markdown() == null) {
                invalid.add("notes: a note without text");
            }
            requireInstant(n.updatedAt(), "notes", invalid);
        }
        long running = 0;
        for (ProgressArchive.Time t : archive.time()) {
            requireItem(pack, t.item(), unknown);
            try {
                TimeEntry.Source.fromId(t.source());
            } catch (IllegalArgumentException ex) {
                invalid.add("time: " + ex.getMessage());
            }
            requireInstant(t.startedAt(), "time", invalid);
            if (t.endedAt() == null) {
                running++;
            } else {
                requireInstant(t.endedAt(), "time", invalid);
            }
            if (t.minutes() != null && t.minutes() < 0) {
                invalid.add("time: negative minutes");
            }
        }
        if (running > 1) {
            invalid.add("time: more than one running timer");
        }
        if (archive.plan() != null) {
            try {
                new PlanSettings(LocalDate.parse(archive.plan().startDate()), archive.plan().hoursPerWeek());
            } catch (DateTimeException | IllegalArgumentException | NullPointerException ex) {
                invalid.add("plan: " + ex.getMessage());
            }
        }
        if (!unknown.isEmpty()) {
            List<String> shown = unknown.stream().limit(10).toList();
            throw new ImportRefusedException("This export does not match the installed pack " + pack.id() + " "
                    + pack.info().version() + " (it came from version " + archive.pack().version() + "): it mentions "
                    + unknown.size() + " item(s) the pack does not have: " + String.join(", ", shown)
                    + (unknown.size() > shown.size() ? ", …" : "") + ". Nothing was imported.");
        }
        if (!invalid.isEmpty()) {
            throw new ImportRefusedException("This export has invalid entries: " + String.join("; ",
                    invalid.stream().distinct().limit(10).toList()) + ". Nothing was imported.");
        }
        for (ArchiveSection section : sections) {
            section.check(pack, archive.sections().getOrDefault(section.name(), MissingNode.getInstance()));
        }
    }

    private static void requireItem(Pack pack, String id, Set<String> unknown) {
        if (id == null || pack.workItem(id).isEmpty()) {
            unknown.add(String.valueOf(id));
        }
    }

    private static void requireWeek(Pack pack, String id, Set<String> unknown) {
        if (id == null || pack.week(id).isEmpty()) {
            unknown.add(String.valueOf(id));
        }
    }

    private static void requireState(String state, String where, List<String> invalid) {
        if (TaskState.fromId(state).isEmpty()) {
            invalid.add(where + ": '" + state + "' is not a task state");
        }
    }

    private static void requireInstant(String text, String where, List<String> invalid) {
        try {
            Instant.parse(text);
        } catch (DateTimeException | NullPointerException e) {
            invalid.add(where + ": '" + text + "' is not a UTC timestamp");
        }
    }
}
