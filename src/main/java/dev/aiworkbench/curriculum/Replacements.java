package dev.aiworkbench.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code replaces:} lists of a pack: ids that weeks, tasks, checklist items, assessments and their items had in
 * earlier versions. An upgrade moves a learner's progress from each old id to the item that replaces it.
 *
 * @param byOldId  the replacing id for each old id
 * @param problems an old id that is still in the pack, or that two items both claim to replace
 */
record Replacements(Map<String, String> byOldId, List<Problem> problems) {
    private static final String RULE = "replaces";

    private record Claim(YamlDocument document, JsonNode owner) {
    }

    static Replacements of(PackDocuments documents) {
        List<Claim> owners = owners(documents);
        Set<String> currentIds = new HashSet<>();
        owners.forEach(claim -> {
            String id = Nodes.text(claim.owner(), "id");
            if (id != null) {
                currentIds.add(id);
            }
        });
        otherIds(documents, currentIds);
        Map<String, String> byOldId = new LinkedHashMap<>();
        Map<String, SourcePosition> firstClaim = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Claim claim : owners) {
            String id = Nodes.text(claim.owner(), "id");
            JsonNode replaces = claim.owner().get("replaces");
            if (id == null || replaces == null || !replaces.isArray()) {
                continue;
            }
            for (JsonNode old : replaces) {
                if (!old.isTextual()) {
                    continue;
                }
                String oldId = old.asText();
                SourcePosition at = claim.document().position(old);
                if (oldId.equals(id)) {
                    problems.add(Problem.error(at, "'" + id + "' replaces itself; list only the ids it had before")
                            .withRule(RULE));
                } else if (currentIds.contains(oldId)) {
                    problems.add(Problem.error(at, "'" + id + "' replaces '" + oldId + "', but '" + oldId
                            + "' is still in the pack; remove that item, or drop it from replaces").withRule(RULE));
                } else if (firstClaim.containsKey(oldId)) {
                    problems.add(Problem.error(at, "'" + oldId + "' is replaced twice (first at " + firstClaim.get(oldId)
                            + "); progress on it can move to one item only").withRule(RULE));
                } else {
                    firstClaim.put(oldId, at);
                    byOldId.put(oldId, id);
                }
            }
        }
        return new Replacements(Map.copyOf(byOldId), List.copyOf(problems));
    }

    /** The parts that may carry {@code replaces}: the ones a learner's progress is recorded against. */
    private static List<Claim> owners(PackDocuments documents) {
        List<Claim> owners = new ArrayList<>();
        for (YamlDocument phase : documents.phases()) {
            JsonNode milestone = phase.root().get("milestone");
            Nodes.objects(milestone, "checklist").forEach(c -> owners.add(new Claim(phase, c)));
        }
        for (WeekFile week : documents.weeks()) {
            YamlDocument front = week.frontMatter();
            owners.add(new Claim(front, front.root()));
            Nodes.objects(front.root(), "tasks").forEach(t -> owners.add(new Claim(front, t)));
        }
        for (YamlDocument assessment : documents.assessments()) {
            owners.add(new Claim(assessment, assessment.root()));
            Nodes.objects(assessment.root(), "items").forEach(i -> owners.add(new Claim(assessment, i)));
        }
        return owners;
    }

    /** Phase, module and milestone ids cannot be replaced, but an old id may not reuse one of them either. */
    private static void otherIds(PackDocuments documents, Set<String> ids) {
        for (YamlDocument phase : documents.phases()) {
            addId(phase.root(), ids);
            Nodes.objects(phase.root(), "modules").forEach(m -> addId(m, ids));
            addId(phase.root().get("milestone"), ids);
        }
    }

    private static void addId(JsonNode owner, Set<String> ids) {
        String id = Nodes.text(owner, "id");
        if (id != null) {
            ids.add(id);
        }
    }
}
