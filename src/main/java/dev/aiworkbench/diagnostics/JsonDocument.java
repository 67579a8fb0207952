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
 * A JSON document whose every node remembers where it was written, as {@link YamlDocument} does for YAML, so that
 * problems found after parsing (a missing field, a wrong type) point at the exact line and column of pasted or
 * loaded JSON.
 */
public final class JsonDocument {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
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
     * @throws ProblemException with the line and column of a syntax error, as a sentence
     */
    public static JsonDocument parse(String file, String text) throws ProblemException {
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            JsonNode root = MAPPER.reader(new LocationJsonNodeFactory(parser)).readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new ProblemException(Problem.error(SourcePosition.startOf(file), "there is no JSON here")
                        .withRule("json-syntax"));
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ProblemException(Problem.error(position(file, at), "there is more after the JSON value "
                        + "ends; remove it or put every value in one array").withRule("json-syntax"));
            }
            return new JsonDocument(file, root);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.error(position(file, e.getLocation()),
                    "JSON syntax error: " + firstLine(e.getOriginalMessage())).withRule("json-syntax"));
        } catch (IOException e) {
            throw new ProblemException(Problem.error(SourcePosition.startOf(file), "cannot read: " + e.getMessage()));
        }
    }

    private static SourcePosition position(String file, JsonLocation at) {
        return at == null ? SourcePosition.startOf(file)
                : new SourcePosition(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    /** Jackson's message without the source excerpt it appends. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        return message.strip().lines().findFirst().orElse("unreadable").replace("Duplicate field", "duplicate key");
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
            return position(file, located.tokenStreamLocation());
        }
        return SourcePosition.startOf(file);
    }

    /** Where a field's value was written, or where its object starts when the field is absent. */
    public SourcePosition position(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return position(value != null ? value : object);
    }
}
