package dev.aiworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.assessment.GivenAnswer;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.ItemType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers file of {@code assess take --answers}: {@code [{"item": id, "answer": …, "confidence": 1|2|3}]}.
 * This checks the file's form and names the entry at fault; whether each answer fits its item is the
 * assessment service's to check. Every refusal is a usage error, before anything is recorded.
 */
final class AnswersFile {
    static final String FORM = "[{\"item\": \"<item id>\", \"answer\": <choice index from 0, a list of them, a text, "
            + "or a rating 1-5>, \"confidence\": 1|2|3}]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswersFile() {
    }

    static List<GivenAnswer> read(Path file, Assessment assessment) {
        JsonNode root = parse(file);
        if (root == null || root.isMissingNode() || !root.isArray()) {
            throw refused(file + " must hold a JSON array of answers, " + FORM + "; it holds "
                    + (root == null || root.isMissingNode() ? "nothing" : kind(root)) + ".");
        }
        if (root.isEmpty()) {
            throw refused(file + " holds no answers; give at least one, " + FORM + ".");
        }
        List<GivenAnswer> answers = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            answers.add(entry(file, i + 1, root.get(i), assessment));
        }
        return answers;
    }

    private static GivenAnswer entry(Path file, int number, JsonNode entry, Assessment assessment) {
        String where = "Entry " + number + " of " + file;
        if (!entry.isObject()) {
            throw refused(where + " is " + kind(entry) + ", not an object like {\"item\": …, \"answer\": …, "
                    + "\"confidence\": …}.");
        }
        JsonNode item = entry.get("item");
        if (item == null || !item.isTextual() || item.asText().isBlank()) {
            throw refused(where + (item == null ? " has no \"item\"" : " has an \"item\" that is not an id in quotes")
                    + "; name the item it answers by its id, e.g. \"item\": \"" + assessment.items().get(0).id() + "\".");
        }
        String itemId = item.asText();
        where = where + " (item " + itemId + ")";
        JsonNode answer = entry.get("answer");
        if (answer == null || answer.isNull()) {
            throw refused(where + " has no \"answer\"; give a choice index from 0, a list of them, a text, or a "
                    + "rating 1-5.");
        }
        Response response;
        try {
            response = Response.fromJson(answer);
        } catch (IllegalArgumentException e) {
            throw refused(where + ": " + e.getMessage() + ".");
        }
        return new GivenAnswer(itemId, asChoice(response, assessment.item(itemId)), confidence(where, entry));
    }

    /** A lone number answers a choice item as its one choice, and a capability as its rating. */
    private static Response asChoice(Response response, Optional<AssessmentItem> item) {
        boolean choiceItem = item.map(i -> i.type() == ItemType.SINGLE || i.type() == ItemType.MULTIPLE).orElse(false);
        return response instanceof Response.Level level && choiceItem
                ? new Response.Choices(List.of(level.level())) : response;
    }

    private static Optional<Integer> confidence(String where, JsonNode entry) {
        JsonNode confidence = entry.get("confidence");
        if (confidence == null || confidence.isNull()) {
            return Optional.empty();
        }
        if (!confidence.isIntegralNumber()) {
            throw refused(where + ": \"confidence\" is 1, 2 or 3, not " + confidence + ".");
        }
        return Optional.of(confidence.asInt());
    }

    private static JsonNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw refused(file + " does not exist; give the path of a JSON file of answers, " + FORM + ".");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": ";
            throw refused(file + " is not valid JSON (" + at + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); fix it and run the command again.");
        } catch (IOException e) {
            throw refused(file + " cannot be read (" + e.getMessage() + ").");
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> "null";
        };
    }

    private static CommandFailure refused(String message) {
        return new CommandFailure(message + " Nothing was recorded.", Cli.USAGE);
    }
}
