package dev.aiworkbench.diagnostics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;

import java.io.IOException;

/**
 * A JSON document whose every node remembers where it was written, as {@link YamlDocument} does for YAML, so a
 * problem found in its content points at the exact line and column.
 */
public final class JsonDocument {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private final String file;
    private final JsonNode root;

    private JsonDocument(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Parses JSON text.
     *
     * @throws ProblemException with the file, line and column of a syntax error, or of an empty text
     */
    public static JsonDocument parse(String file, String text) throws ProblemException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode root = MAPPER.reader(new LocationJsonNodeFactory(parser)).readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new ProblemException(Problem.error(SourcePosition.startOf(file), "the file is empty: it should"
                        + " hold JSON").withRule("json-syntax"));
            }
            return new JsonDocument(file, root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new ProblemException(Problem.error(new SourcePosition(file, line, column),
                    "JSON syntax error: " + firstSentence(e.getOriginalMessage())).withRule("json-syntax"));
        } catch (IOException e) {
            throw new ProblemException(Problem.error(SourcePosition.startOf(file), "cannot read: " + e.getMessage()));
        }
    }

    /** Jackson's message without the excerpt and source note it appends; the position is given apart. */
    private static String firstSentence(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String first = message.strip().lines().findFirst().orElse("unreadable");
        int note = first.indexOf(" (for ");
        return note > 0 ? first.substring(0, note) : first;
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Where a node was written; the start of the file when the node carries no location. */
    public SourcePosition position(JsonNode node) {
        if (node instanceof TokenStreamLocationAware located && located.tokenStreamLocation() != null) {
            JsonLocation at = located.tokenStreamLocation();
            return new SourcePosition(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        }
        return SourcePosition.startOf(file);
    }
}
