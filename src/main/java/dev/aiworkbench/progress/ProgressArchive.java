package dev.aiworkbench.progress;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The JSON form of a learner's progress in one pack: everything needed to restore it exactly
 * (states, full history, notes, time and plan), and the sections features add (see {@link ArchiveSection}).
 * Field order is fixed, so an export of an import is byte-for-byte the same file. Format 1 had no sections; it
 * still imports.
 */
public record ProgressArchive(String format, int formatVersion, PackRef pack, Plan plan, List<State> items,
                              List<Event> events, List<Note> notes, List<Time> time, Map<String, JsonNode> sections) {
    public static final String FORMAT = "ai-workbench-progress";
    public static final int FORMAT_VERSION = 2;

    public record PackRef(String id, String version) {
    }

    public record Plan(String startDate, double hoursPerWeek) {
    }

    public record State(String item, String state, String updatedAt) {
    }

    public record Event(String item, String kind, String from, String to, Integer minutes, String at) {
    }

    public record Note(String week, String markdown, String updatedAt) {
    }

    public record Time(String item, String source, String startedAt, String endedAt, Integer minutes) {
    }
}
