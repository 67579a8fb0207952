package dev.aiworkbench.diagnostics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;

import java.io.IOException;

/**
 * A YAML document whose every node remembers where it was written, so that problems found later
 * (by the schema or by the pack's own rules) point at the exact line and column.
 */
public final class YamlDocument {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final String file;
    private final JsonNode root;
    private final int lineOffset;

    private YamlDocument(String file, JsonNode root, int lineOffset) {
        this.file = file;
        this.root = root;
        this.lineOffset = lineOffset;
    }

    /**
     * Parses YAML text.
     *
     * @param lineOffset lines before the text in its file (front matter starts after the first {@code ---})
     * @throws ProblemException with the file, line and column of a syntax error
     */
    public static YamlDocument parse(String file, String text, int lineOffset) throws ProblemException {
        try (JsonParser parser = new NoAliases((YAMLParser) FACTORY.createParser(text))) {
            JsonNode root = MAPPER.reader(new LocationJsonNodeFactory(parser)).readTree(parser);
            if (root == null || root.isMissingNode()) {
                root = MAPPER.createObjectNode();
            }
            return new YamlDocument(file, root, lineOffset);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr()) + lineOffset;
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new ProblemException(Problem.error(new SourcePosition(file, line, column),
                    "YAML syntax error: " + firstLine(e.getOriginalMessage())).withRule("yaml-syntax"));
        } catch (IOException e) {
            throw new ProblemException(Problem.error(SourcePosition.startOf(file), "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Refuses aliases ({@code *name}): the YAML reader does not expand them but reads the anchor's name as text, so a
     * file using one would load as something its author never wrote.
     */
    private static final class NoAliases extends JsonParserDelegate {
        private final YAMLParser yaml;

        NoAliases(YAMLParser yaml) {
            super(yaml);
            this.yaml = yaml;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = yaml.nextToken();
            if (yaml.isCurrentAlias()) {
                throw new JsonParseException(this, "YAML aliases (*" + yaml.getText() + ") are not supported: write the "
                        + "value out in full where it is used", yaml.currentTokenLocation());
            }
            return token;
        }
    }

    /** SnakeYAML explains an error over several lines; keep its sentences, drop the excerpts. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String sentences = String.join(": ", message.strip().lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("in '"))
                .toList());
        return sentences.replace("Duplicate field", "duplicate key");
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
            return new SourcePosition(file, Math.max(1, at.getLineNr()) + lineOffset, Math.max(1, at.getColumnNr()));
        }
        return new SourcePosition(file, 1 + lineOffset, 1);
    }

    /** Where a field's value was written, or where its object starts when the field is absent. */
    public SourcePosition position(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return position(value != null ? value : object);
    }
}
