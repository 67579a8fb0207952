package dev.aiworkbench.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a minimal pack that validates as it is, from the templates under {@code /scaffold/pack/} (listed in
 * its files.txt), with the pack's id and title filled in. Instructors start from it with {@code pack new}.
 */
public final class PackScaffold {
    private static final String TEMPLATES = "/scaffold/pack/";
    /** Kebab-case, and short enough that the lab's id ({@code <id>-lab}) is still an id (64 characters). */
    private static final Pattern KEBAB_CASE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_ID_LENGTH = 60;
    private static final int MAX_TITLE_LENGTH = 120;

    private PackScaffold() {
    }

    /** A template and the path, relative to the new pack, that it is written to. */
    private record Template(String resource, String target) {
    }

    public static boolean isValidId(String id) {
        return id.length() <= MAX_ID_LENGTH && KEBAB_CASE.matcher(id).matches();
    }

    /** A title fits pack.yaml: one line of 1 to 120 characters without control characters. */
    public static boolean isValidTitle(String title) {
        return !title.isBlank() && title.length() <= MAX_TITLE_LENGTH && title.chars().noneMatch(Character::isISOControl);
    }

    /** The id a folder name suggests: lower case, with every run of other characters turned into one hyphen. */
    public static String idFromFolderName(String folderName) {
        return folderName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The title an id suggests: {@code llm-evals} becomes {@code Llm evals}. */
    public static String titleFromId(String id) {
        String words = id.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** True when the folder does not exist yet or is an empty folder. */
    public static boolean canWriteInto(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Writes the pack into {@code folder}, which must not exist or be empty; returns the files written, relative
     * to the folder, in the order of files.txt.
     */
    public static List<String> create(Path folder, String id, String title) throws IOException {
        if (!isValidId(id) || !isValidTitle(title)) {
            throw new IllegalArgumentException("not a valid pack id and title: '" + id + "', '" + title + "'");
        }
        if (!canWriteInto(folder)) {
            throw new IllegalArgumentException(folder + " is not an empty folder");
        }
        List<String> written = new ArrayList<>();
        for (Template template : templates()) {
            String target = fill(template.target(), id, title);
            Path file = folder.resolve(target);
            Files.createDirectories(file.getParent());
            Files.writeString(file, fill(read(template.resource()), id, title), StandardCharsets.UTF_8);
            written.add(target);
        }
        return written;
    }

    private static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        for (String line : read("files.txt").split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            templates.add(new Template(parts[0], parts[1]));
        }
        return templates;
    }

    private static String fill(String text, String id, String title) {
        return text.replace("{{id}}", id).replace("{{title-yaml}}", yamlQuoted(title)).replace("{{title}}", title);
    }

    /** A double-quoted YAML scalar, so a title with a colon or a quote stays one string. */
    private static String yamlQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String read(String resource) {
        try (InputStream in = PackScaffold.class.getResourceAsStream(TEMPLATES + resource)) {
            if (in == null) {
                throw new IllegalStateException("the pack template " + TEMPLATES + resource + " is missing from the app");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
