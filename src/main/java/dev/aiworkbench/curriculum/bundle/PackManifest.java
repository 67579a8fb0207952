package dev.aiworkbench.curriculum.bundle;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a built pack holds: its id and version and every file with its SHA-256 and size, sorted by path.
 * Its JSON form is what a signature covers, so it is written the same way on every machine.
 */
public record PackManifest(String packId, String version, List<ManifestFile> files) {
    public static final String FILE_NAME = "MANIFEST.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Jackson's default indenter uses the platform's line separator; a manifest must not depend on it.
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    public PackManifest {
        files = files.stream().sorted(Comparator.comparing(ManifestFile::path)).toList();
    }

    public byte[] toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pack", packId);
        root.put("version", version);
        root.put("files", files.stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            file.put("sha256", f.sha256());
            file.put("size", f.size());
            return file;
        }).toList());
        try {
            return (WRITER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the manifest as JSON", e);
        }
    }

    /** Reads a manifest; a malformed one is a refusal, since nothing in the pack can be checked without it. */
    public static PackManifest parse(byte[] json) throws BundleException {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<ManifestFile> files = new ArrayList<>();
            for (JsonNode file : root.path("files")) {
                files.add(new ManifestFile(text(file, "path"), text(file, "sha256"), file.path("size").asLong(-1)));
            }
            return new PackManifest(text(root, "pack"), text(root, "version"), files);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException(FILE_NAME + " is not a pack manifest (" + e.getMessage()
                    + "); build the pack again with `workbench pack build`");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not text");
        }
        return value.asText();
    }
}
