package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a JSON Schema an http check names as a file, relative to the lab ({@code expect.schema: schemas/item.json}).
 * Labs may live in the application's jar, so the lab loader supplies the resolver that fits where it read the lab.
 */
@FunctionalInterface
public interface SchemaResolver {

    /**
     * @param reference the path as written in lab.yaml
     * @throws IOException the file cannot be read or is not JSON/YAML; the message names the file
     */
    JsonNode resolve(String reference) throws IOException;

    /** For checks whose lab has no folder: every reference fails with a sentence saying so. */
    SchemaResolver NONE = reference -> {
        throw new IOException("the schema file '" + reference + "' cannot be read: the lab's folder is not known");
    };

    /**
     * Files in a folder on disk (the lab's folder), read as JSON, or as YAML when they end in .yaml or .yml.
     * A reference may not leave the folder.
     */
    static SchemaResolver folder(Path labFolder) {
        Path root = labFolder.toAbsolutePath().normalize();
        return reference -> {
            Path file = root.resolve(reference).normalize();
            if (!file.startsWith(root)) {
                throw new IOException("the schema file '" + reference + "' is outside the lab's folder");
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : Text.JSON;
            try {
                return mapper.readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw new IOException("the schema file '" + reference + "' does not exist in the lab (" + file + ")", e);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException("the schema file '" + reference + "' is not valid "
                        + (mapper instanceof YAMLMapper ? "YAML" : "JSON") + ": " + e.getOriginalMessage(), e);
            }
        };
    }
}
