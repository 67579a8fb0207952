package dev.aiworkbench.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Suggestions;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules for assessments/*.yaml that a schema cannot express: ids unique across the pack, references to
 * milestones, weeks and evidence that resolve, choices that can be answered, thresholds in order, and every
 * week of the milestone's phase tested.
 */
final class AssessmentRules {
    private final PackDocuments documents;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> packIds = new LinkedHashSet<>();
    private final Map<String, Integer> weekNumbers = new LinkedHashMap<>();
    private final Map<String, int[]> milestoneWeeks = new LinkedHashMap<>();
    private final Set<String> evidenceIds = new TreeSet<>();

    private AssessmentRules(PackDocuments documents) {
        this.documents = documents;
    }

    static List<Problem> check(PackDocuments documents) {
        AssessmentRules rules = new AssessmentRules(documents);
        rules.learnThePack();
        IdClaims claims = new IdClaims();
        Map<String, SourcePosition> milestonesTaken = new HashMap<>();
        for (YamlDocument assessment : documents.assessments()) {
            rules.checkAssessment(assessment, claims, milestonesTaken);
        }
        return rules.problems;
    }

    private void learnThePack() {
        for (YamlDocument phase : documents.phases()) {
            JsonNode root = phase.root();
            addId(root);
            Nodes.objects(root, "modules").forEach(this::addId);
            int first = Integer.MAX_VALUE;
            int last = 0;
            for (JsonNode module : Nodes.objects(root, "modules")) {
                Integer f = Nodes.integer(module.get("weeks"), "first");
                Integer l = Nodes.integer(module.get("weeks"), "last");
                if (f != null && l != null) {
                    first = Math.min(first, f);
                    last = Math.max(last, l);
                }
            }
            JsonNode milestone = root.get("milestone");
            String milestoneId = Nodes.text(milestone, "id");
            if (milestoneId != null) {
                packIds.add(milestoneId);
                milestoneWeeks.put(milestoneId, new int[] {first, last});
                Nodes.objects(milestone, "checklist").forEach(c -> {
                    addId(c);
                    addEvidence(Nodes.text(c, "id"));
                });
            }
        }
        for (WeekFile week : documents.weeks()) {
            JsonNode root = week.frontMatter().root();
            String id = Nodes.text(root, "id");
            Integer number = Nodes.integer(root, "week");
            if (id != null && number != null) {
                weekNumbers.put(id, number);
            }
            addId(root);
            Nodes.objects(root, "tasks").forEach(t -> {
                addId(t);
                addEvidence(Nodes.text(t, "id"));
                addEvidence(Nodes.text(t, "lab"));
            });
            Nodes.texts(root, "labs").forEach(this::addEvidence);
        }
        documents.labFolders().forEach(this::addEvidence);
        if (documents.manifest() != null) {
            Nodes.texts(documents.manifest().root(), "labs").forEach(this::addEvidence);
        }
    }

    private void addId(JsonNode owner) {
        String id = Nodes.text(owner, "id");
        if (id != null) {
            packIds.add(id);
        }
    }

    private void addEvidence(String id) {
        if (id != null) {
            evidenceIds.add(id);
        }
    }

    private void checkAssessment(YamlDocument document, IdClaims claims, Map<String, SourcePosition> milestonesTaken) {
        JsonNode root = document.root();
        claim(document, root, claims);
        String milestone = Nodes.text(root, "milestone");
        if (milestone != null) {
            if (!milestoneWeeks.containsKey(milestone)) {
                problems.add(Problem.error(document.position(root, "milestone"), "unknown milestone '" + milestone + "'"
                        + hint(milestoneWeeks.keySet(), milestone)).withRule("unknown-reference"));
            } else {
                SourcePosition first = milestonesTaken.putIfAbsent(milestone, document.position(root, "milestone"));
                if (first != null) {
                    problems.add(Problem.error(document.position(root, "milestone"), "milestone '" + milestone
                            + "' already has an assessment (at " + first + "); a milestone has one, so its readiness"
                            + " is clear").withRule("assessment-milestone"));
                }
            }
        }
        checkThresholds(document, root.get("readiness"));
        Set<String> tested = new TreeSet<>();
        for (JsonNode item : Nodes.objects(root, "items")) {
            claim(document, item, claims);
            tested.addAll(checkWeeks(document, item));
            checkTypeRules(document, item);
            String source = Nodes.text(item, "source");
            if (source != null && !PackRules.isWebAddress(source)) {
                problems.add(Problem.error(document.position(item, "source"),
                        "'" + source + "' is not an absolute http or https address").withRule("https-links"));
            }
        }
        checkPhaseCovered(document, milestone, tested);
    }

    /** Assessment and item ids are unique among themselves and must not reuse any other id of the pack. */
    private void claim(YamlDocument document, JsonNode owner, IdClaims claims) {
        Optional<Problem> duplicate = claims.claim(document, owner);
        String id = Nodes.text(owner, "id");
        if (duplicate.isPresent()) {
            problems.add(duplicate.get());
        } else if (id != null && packIds.contains(id)) {
            problems.add(Problem.error(document.position(owner, "id"), "duplicate id '" + id + "': a phase, module, "
                    + "milestone, week or task already uses it; assessment and item ids are unique across the pack").withRule("duplicate-id"));
        }
    }

    private void checkThresholds(YamlDocument document, JsonNode readiness) {
        JsonNode ready = readiness == null ? null : readiness.get("ready");
        JsonNode nearly = readiness == null ? null : readiness.get("nearly");
        if (ready == null || nearly == null) {
            return;
        }
        for (String measure : List.of("quiz", "labs", "checklist")) {
            Double high = Nodes.number(ready, measure);
            Double low = Nodes.number(nearly, measure);
            if (high != null && low != null && low > high) {
                problems.add(Problem.error(document.position(nearly, measure), "'nearly' asks " + low + " of " + measure
                        + ", more than 'ready' asks (" + high + "); nearly is the lower bar").withRule("readiness-thresholds"));
            }
        }
    }

    private Set<String> checkWeeks(YamlDocument document, JsonNode item) {
        Set<String> known = new TreeSet<>();
        JsonNode weeks = item.get("weeks");
        if (weeks == null || !weeks.isArray()) {
            return known;
        }
        for (JsonNode week : weeks) {
            if (!week.isTextual()) {
                continue;
            }
            if (weekNumbers.containsKey(week.asText())) {
                known.add(week.asText());
            } else {
                problems.add(Problem.error(document.position(week), "unknown week '" + week.asText() + "'"
                        + hint(weekNumbers.keySet(), week.asText())).withRule("unknown-reference"));
            }
        }
        return known;
    }

    private void checkTypeRules(YamlDocument document, JsonNode item) {
        String type = Nodes.text(item, "type");
        List<JsonNode> choices = Nodes.objects(item, "choices");
        long correct = choices.stream().filter(c -> c.path("correct").asBoolean(false)).count();
        if ("single".equals(type) && !choices.isEmpty() && correct != 1) {
            problems.add(Problem.error(document.position(item, "choices"), "a single choice item has exactly one "
                    + "correct choice; this one has " + correct + " (use type: multiple for several)").withRule("assessment-key"));
        }
        if ("multiple".equals(type) && !choices.isEmpty() && correct == 0) {
            problems.add(Problem.error(document.position(item, "choices"),
                    "a multiple choice item has at least one correct choice; none is marked correct: true").withRule("assessment-key"));
        }
        if ("capability".equals(type)) {
            JsonNode evidence = item.get("evidence");
            if (evidence != null && evidence.isArray()) {
                evidence.forEach(e -> {
                    if (e.isTextual() && !evidenceIds.contains(e.asText())) {
                        problems.add(Problem.error(document.position(e), "unknown evidence '" + e.asText()
                                + "': name a lab, a task or a milestone checklist item of the pack"
                                + hint(evidenceIds, e.asText())).withRule("unknown-reference"));
                    }
                });
            }
        }
    }

    private void checkPhaseCovered(YamlDocument document, String milestone, Set<String> tested) {
        int[] span = milestone == null ? null : milestoneWeeks.get(milestone);
        if (span == null || span[1] == 0) {
            return;
        }
        List<String> untested = weekNumbers.entrySet().stream()
                .filter(w -> w.getValue() >= span[0] && w.getValue() <= span[1] && !tested.contains(w.getKey()))
                .map(Map.Entry::getKey).toList();
        if (!untested.isEmpty()) {
            problems.add(Problem.warning(document.position(document.root(), "items"), "no item tests "
                    + String.join(", ", untested) + " of the phase this milestone closes; add an item per week so "
                    + "readiness can point at weak weeks").withRule("week-untested"));
        }
    }

    private static String hint(Iterable<String> known, String wanted) {
        return Suggestions.BY_EDITS.closest(known, wanted).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
