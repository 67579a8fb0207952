package dev.aiworkbench.curriculum;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a zip entry may have: a plain relative path that stays inside the pack and makes a file on every system
 * a learner uses, so that a pack installs the same on Linux, macOS and Windows.
 */
final class EntryNames {
    /** Characters Windows refuses in a file name; ':' would also open an alternate data stream of another file. */
    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*";
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private EntryNames() {
    }

    /** Refuses a name that leaves the pack folder or cannot be a file's name everywhere. */
    static void check(Path zip, String name) throws PackAccessException {
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                || List.of(name.split("/")).contains("..")) {
            throw new PackAccessException(zip + " has an entry that leaves the pack folder: " + name);
        }
        // A NUL or other control character in a name is no file name a pack can hold, and the zip file
        // system refuses to make a path of it later (an unchecked InvalidPathException, found by fuzzing).
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new PackAccessException(zip + " has an entry whose name holds a control character: "
                    + visible(name) + "; rebuild the zip from a pack folder whose file names are plain text");
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String part : path.split("/", -1)) {
            String problem = problem(part);
            if (problem != null) {
                throw new PackAccessException(zip + ": the entry " + name + " " + problem + "; rename it in the pack"
                        + " folder and build the zip again");
            }
        }
    }

    /** What is wrong with one part of a path, or null when nothing is. */
    private static String problem(String part) {
        if (part.isEmpty() || part.equals(".")) {
            return "has an empty or '.' part, so it is not a plain path";
        }
        for (char c : WINDOWS_FORBIDDEN.toCharArray()) {
            if (part.indexOf(c) >= 0) {
                return "holds the character '" + c + "', which Windows does not allow in file names";
            }
        }
        if (part.endsWith(".") || part.endsWith(" ")) {
            return "has a part ending in a dot or a space, which Windows drops, so it would name another file there";
        }
        int dot = part.indexOf('.');
        String stem = (dot < 0 ? part : part.substring(0, dot)).strip().toLowerCase(Locale.ROOT);
        if (WINDOWS_DEVICES.contains(stem)) {
            return "has the part '" + part + "', which Windows takes for the device " + stem.toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * The name a case-insensitive, normalizing file system (macOS, Windows) sees: two paths with the same key are
     * one file there, though they differ in letter case or in Unicode form (é as one character or as e and an accent).
     */
    static String clashKey(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The name with each control character written as a Unicode escape, so that a message shows where it is. */
    private static String visible(String name) {
        StringBuilder shown = new StringBuilder();
        name.chars().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return shown.toString();
    }
}
