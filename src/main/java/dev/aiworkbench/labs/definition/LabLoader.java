package dev.aiworkbench.labs.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.diagnostics.FileSchemas;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.aiworkbench.labs.definition.LabNodes.get;
import static dev.aiworkbench.labs.definition.LabNodes.object;
import static dev.aiworkbench.labs.definition.LabNodes.objects;

/**
 * Reads a lab ({@code labs/<id>/lab.yaml} and the files it names) and checks all of it at once: lab.yaml against
 * its schema (src/main/resources/schemas/lab.schema.json), the rules a schema cannot express, and the files:
 * guides, starter and solution folders and schema files exist inside the lab folder, and no link is followed.
 * Every problem is returned as {@code file:line:col: message}, together with as much of the lab as could be read.
 */
public final class LabLoader {
    public static final String SCHEMA = "lab.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Pack> pack;

    /** A loader that does not know the pack, so the tasks a lab marks and its weeks are not checked. */
    public LabLoader() {
        this(Optional.empty());
    }

    /** A loader that checks that the tasks a lab marks, and its weeks, exist in the pack (when given). */
    public LabLoader(Optional<Pack> pack) {
        this.pack = pack;
    }

    /** Loads the lab in {@code labs/<id>/} of the location. */
    public LabLoadResult load(LabLocation location, String id) {
        List<Problem> problems = new ArrayList<>();
        Path folder;
        try {
            folder = location.labFolder(id);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(SourcePosition.startOf(LabLocation.LABS + "/" + id), e.getMessage()));
            return new LabLoadResult(id, Optional.empty(), problems, null);
        }
        String folderName = location.name(folder);
        Optional<YamlDocument> document = readLabFile(location, folder, problems);
        Optional<LabDefinition> lab = document.flatMap(doc -> {
            problems.addAll(FileSchemas.check(SCHEMA, doc));
            problems.addAll(LabRules.check(doc, id, pack));
            Map<JsonNode, String> guides = new FolderChecks(location, folder, doc, problems).check();
            return LabAssembler.assemble(doc.root(), id, folderName, guides);
        });
        problems.sort(Problem.ORDER);
        return new LabLoadResult(id, lab, problems, folder);
    }

    private static Optional<YamlDocument> readLabFile(LabLocation location, Path folder, List<Problem> problems) {
        String folderName = location.name(folder);
        if (Files.isSymbolicLink(folder)) {
            problems.add(Problem.error(SourcePosition.startOf(folderName),
                    "is a symbolic link; labs may not contain links"));
            return Optional.empty();
        }
        Path file = folder.resolve(LabLocation.LAB_FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Problem.error(SourcePosition.startOf(location.name(file)),
                    Files.isDirectory(folder) ? "file is missing: every lab has a lab.yaml in its folder"
                            : "file is missing: there is no lab folder " + folderName + "/"));
            return Optional.empty();
        }
        try {
            return Optional.of(YamlDocument.parse(location.name(file), location.read(file), 0));
        } catch (ProblemException e) {
            problems.add(e.problem());
            return Optional.empty();
        }
    }

    /** The checks that read the lab's folder: the files and folders lab.yaml names, and links. */
    private static final class FolderChecks {
        private final LabLocation location;
        private final Path folder;
        private final YamlDocument document;
        private final List<Problem> problems;

        FolderChecks(LabLocation location, Path folder, YamlDocument document, List<Problem> problems) {
            this.location = location;
            this.folder = folder;
            this.document = document;
            this.problems = problems;
        }

        /** Checks the files; returns the text of each step's guide that could be read, by the step's node. */
        Map<JsonNode, String> check() {
            checkLinks();
            Map<JsonNode, String> guides = new IdentityHashMap<>();
            JsonNode root = document.root();
            JsonNode workspace = object(root, "workspace");
            for (String field : List.of("starter", "solution")) {
                JsonNode named = get(workspace, field);
                if (named != null && named.isTextual()) {
                    inLab(named, field).ifPresent(dir -> checkFolder(dir, named, field));
                } else if (Files.isDirectory(folder.resolve(field), LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(Problem.warning(workspace == null ? SourcePosition.startOf(document.file())
                                    : document.position(workspace), "the lab has a " + field + "/ folder but "
                                    + "workspace." + field + " does not name it, so it is not used"));
                }
            }
            for (JsonNode step : objects(root, "steps")) {
                JsonNode guide = get(step, "guide");
                if (guide != null && guide.isTextual()) {
                    inLab(guide, "guide").flatMap(file -> readGuide(file, guide)).ifPresent(t -> guides.put(step, t));
                }
                for (JsonNode check : objects(step, "checks")) {
                    // an http check's schema describes the body it expects; a file check's, the file
                    String type = LabNodes.text(check, "type");
                    boolean http = "http".equals(type);
                    JsonNode schema = http ? get(object(check, "expect"), "schema")
                            : "file".equals(type) ? get(check, "schema") : null;
                    String field = http ? "expect.schema" : "schema";
                    if (schema != null && schema.isTextual()) {
                        inLab(schema, field).ifPresent(file -> checkSchemaFile(file, schema, field));
                    }
                }
            }
            return guides;
        }

        private void error(JsonNode at, String message) {
            problems.add(Problem.error(document.position(at), message));
        }

        /**
         * The path a node names, when it is relative, stays in the lab folder, exists and goes through no link
         * (a link is reported where it is, by {@link #checkLinks}).
         */
        private Optional<Path> inLab(JsonNode node, String field) {
            String relative = node.asText();
            String problem = LabPaths.problem(relative, "lab folder");
            if (problem != null) {
                error(node, field + ": " + problem);
                return Optional.empty();
            }
            Path path = folder;
            for (String segment : relative.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                path = path.resolve(segment).normalize();
                if (Files.isSymbolicLink(path)) {
                    return Optional.empty(); // reported at the link by checkLinks
                }
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                error(node, field + ": '" + relative + "' does not exist in the lab folder");
                return Optional.empty();
            }
            return Optional.of(path);
        }

        private void checkFolder(Path dir, JsonNode node, String field) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                error(node, field + ": '" + node.asText() + "' is a file, not a folder");
            }
        }

        /** Every link anywhere in the lab folder, each at its own name; none is ever followed. */
        private void checkLinks() {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isSymbolicLink).sorted().forEach(link -> problems.add(Problem.error(
                        SourcePosition.startOf(location.name(link)), "is a symbolic link; labs may not contain links")));
            } catch (IOException e) {
                problems.add(Problem.error(SourcePosition.startOf(location.name(folder)),
                        "cannot read the lab folder: " + e.getMessage()));
            }
        }

        private Optional<String> readGuide(Path file, JsonNode node) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                error(node, "guide: '" + node.asText() + "' is a folder, not a Markdown file");
                return Optional.empty();
            }
            try {
                String text = location.read(file);
                if (text.isBlank()) {
                    problems.add(Problem.error(SourcePosition.startOf(location.name(file)),
                            "the guide is empty: explain the step in Markdown"));
                }
                return Optional.of(text);
            } catch (ProblemException e) {
                problems.add(e.problem());
                return Optional.empty();
            }
        }

        /** A schema file is JSON, or YAML when it ends in .yaml or .yml, and holds a schema (an object). */
        private void checkSchemaFile(Path file, JsonNode node, String field) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                error(node, field + ": '" + node.asText() + "' is a folder, not a schema file");
                return;
            }
            String name = location.name(file);
            try {
                String text = location.read(file);
                String lower = name.toLowerCase(Locale.ROOT);
                JsonNode schema = lower.endsWith(".yaml") || lower.endsWith(".yml")
                        ? YamlDocument.parse(name, text, 0).root() : parseJson(name, text);
                if (!schema.isObject() && !schema.isBoolean()) {
                    problems.add(Problem.error(SourcePosition.startOf(name),
                            "is not a JSON Schema: a schema is an object such as {\"type\": \"object\"}"));
                }
            } catch (ProblemException e) {
                problems.add(e.problem());
            }
        }

        private static JsonNode parseJson(String name, String text) throws ProblemException {
            try {
                JsonNode node = JSON.readTree(text);
                return node == null ? JSON.missingNode() : node;
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                int line = at == null ? 1 : Math.max(1, at.getLineNr());
                int column = at == null ? 1 : Math.max(1, at.getColumnNr());
                String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines()
                        .findFirst().orElse("unreadable").replaceAll("\\s*\\(for [^(]*\\[Source:.*$", "")
                        .replaceAll("\\s*at \\[Source:.*$", "");
                throw new ProblemException(Problem.error(new SourcePosition(name, line, column),
                        "JSON syntax error: " + message));
            }
        }
    }
}
