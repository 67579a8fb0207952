package dev.aiworkbench.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ids a pack's files have claimed so far, each with where it was first written. */
final class IdClaims {
    private final Map<String, SourcePosition> seen = new HashMap<>();

    /** Claims the owner's id; a second claim is a problem pointing at the first. */
    Optional<Problem> claim(YamlDocument document, JsonNode owner) {
        String id = Nodes.text(owner, "id");
        if (id == null) {
            return Optional.empty();
        }
        SourcePosition at = document.position(owner, "id");
        SourcePosition first = seen.putIfAbsent(id, at);
        return first == null ? Optional.empty()
                : Optional.of(Problem.error(at, "duplicate id '" + id + "' (first used at " + first + ")").withRule("duplicate-id"));
    }
}
