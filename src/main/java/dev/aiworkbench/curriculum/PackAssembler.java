package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.YamlDocument;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the pack model from parsed documents, taking every part that is usable and leaving out
 * parts that lack what identifies them (an id, a number). Problems are the rules' business.
 */
final class PackAssembler {
    private PackAssembler() {
    }

    /** @param replacements the {@code replaces:} lists, old id to new (see {@link Replacements}) */
    static Optional<Pack> assemble(PackDocuments documents, Map<String, String> replacements) {
        if (documents.manifest() == null) {
            return Optional.empty();
        }
        JsonNode manifest = documents.manifest().root();
        String id = Nodes.text(manifest, "id");
        if (id == null) {
            return Optional.empty();
        }
        PackInfo info = new PackInfo(id, Nodes.textOr(manifest, "title", id), Nodes.textOr(manifest, "version", "0.0.0"),
                Nodes.objects(manifest, "authors").stream().map(a -> Nodes.text(a, "name")).filter(n -> n != null).toList(),
                Nodes.textOr(manifest, "license", ""), Nodes.textOr(manifest, "description", ""),
                Nodes.textOr(manifest, "requires", ""));
        List<Phase> phases = documents.phases().stream().map(PackAssembler::phase).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Phase::number)).toList();
        List<Week> weeks = documents.weeks().stream().map(PackAssembler::week).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Week::number)).toList();
        List<Assessment> assessments = documents.assessments().stream().map(PackAssembler::assessment)
                .flatMap(Optional::stream).toList();
        return Optional.of(new Pack(info, phases, weeks, ordered(assessments, phases), replacements));
    }

    private static Optional<Phase> phase(YamlDocument document) {
        JsonNode root = document.root();
        String id = Nodes.text(root, "id");
        Integer number = Nodes.integer(root, "number");
        if (id == null || number == null) {
            return Optional.empty();
        }
        List<LearningModule> modules = new ArrayList<>();
        for (JsonNode module : Nodes.objects(root, "modules")) {
            String moduleId = Nodes.text(module, "id");
            JsonNode weeks = module.get("weeks");
            Integer first = Nodes.integer(weeks, "first");
            Integer last = Nodes.integer(weeks, "last");
            if (moduleId != null && first != null && last != null) {
                modules.add(new LearningModule(moduleId, id, Nodes.textOr(module, "title", moduleId),
                        Nodes.textOr(module, "summary", ""), first, last));
            }
        }
        modules.sort(Comparator.comparingInt(LearningModule::firstWeek));
        return Optional.of(new Phase(id, number, Nodes.textOr(root, "title", id), Nodes.textOr(root, "summary", ""),
                List.copyOf(modules), milestone(root.get("milestone"), id)));
    }

    private static Milestone milestone(JsonNode node, String phaseId) {
        String id = Nodes.text(node, "id");
        Integer week = Nodes.integer(node, "week");
        if (id == null || week == null) {
            return null;
        }
        List<ChecklistItem> checklist = Nodes.objects(node, "checklist").stream()
                .filter(c -> Nodes.text(c, "id") != null)
                .map(c -> new ChecklistItem(Nodes.text(c, "id"), id, Nodes.textOr(c, "text", Nodes.text(c, "id"))))
                .toList();
        return new Milestone(id, phaseId, Nodes.textOr(node, "title", id), Nodes.textOr(node, "summary", ""), week, checklist);
    }

    private static Optional<Week> week(WeekFile file) {
        JsonNode root = file.frontMatter().root();
        String id = Nodes.text(root, "id");
        Integer number = Nodes.integer(root, "week");
        if (id == null || number == null) {
            return Optional.empty();
        }
        double hours = Optional.ofNullable(Nodes.number(root, "hours")).orElse(0.0);
        List<JsonNode> taskNodes = Nodes.objects(root, "tasks").stream()
                .filter(t -> Nodes.text(t, "id") != null).toList();
        double explicit = taskNodes.stream().map(t -> Nodes.number(t, "hours")).filter(h -> h != null)
                .mapToDouble(Double::doubleValue).sum();
        long withoutHours = taskNodes.stream().filter(t -> Nodes.number(t, "hours") == null).count();
        double share = withoutHours == 0 ? 0 : Math.max(0, hours - explicit) / withoutHours;
        List<Task> tasks = taskNodes.stream().map(t -> new Task(Nodes.text(t, "id"), id, kind(Nodes.text(t, "kind")),
                Nodes.textOr(t, "title", Nodes.text(t, "id")), Nodes.textOr(t, "detail", ""),
                Optional.ofNullable(Nodes.number(t, "hours")).orElse(share),
                Optional.ofNullable(Nodes.text(t, "lab")))).toList();
        List<Resource> resources = new ArrayList<>();
        for (JsonNode resource : Nodes.objects(root, "resources")) {
            String url = Nodes.text(resource, "url");
            if (url != null && PackRules.isWebAddress(url)) {
                resources.add(new Resource(Nodes.textOr(resource, "title", url), URI.create(url)));
            }
        }
        return Optional.of(new Week(id, number, Nodes.textOr(root, "module", ""), Nodes.textOr(root, "title", id),
                hours, Nodes.texts(root, "goals"), tasks, List.copyOf(resources), Nodes.texts(root, "labs"),
                file.guide().strip(), file.file()));
    }

    /** Assessments in the order of their milestones, those for no known milestone last. */
    private static List<Assessment> ordered(List<Assessment> assessments, List<Phase> phases) {
        List<String> milestones = phases.stream().filter(p -> p.milestone() != null).map(p -> p.milestone().id()).toList();
        return assessments.stream().sorted(Comparator.comparingInt((Assessment a) -> {
            int at = milestones.indexOf(a.milestoneId());
            return at < 0 ? Integer.MAX_VALUE : at;
        }).thenComparing(Assessment::id)).toList();
    }

    private static Optional<Assessment> assessment(YamlDocument document) {
        JsonNode root = document.root();
        String id = Nodes.text(root, "id");
        String milestone = Nodes.text(root, "milestone");
        if (id == null || milestone == null) {
            return Optional.empty();
        }
        JsonNode readiness = root.get("readiness");
        ReadinessThresholds thresholds = new ReadinessThresholds(levels(readiness == null ? null : readiness.get("ready"), 1),
                levels(readiness == null ? null : readiness.get("nearly"), 1));
        List<AssessmentItem> items = new ArrayList<>();
        for (JsonNode item : Nodes.objects(root, "items")) {
            assessmentItem(item).ifPresent(items::add);
        }
        return Optional.of(new Assessment(id, Nodes.textOr(root, "title", id), milestone,
                Nodes.textOr(root, "description", "").strip(), thresholds, List.copyOf(items), document.file()));
    }

    /** Missing shares ask for everything, so a broken file never calls anyone ready. */
    private static EvidenceLevels levels(JsonNode node, double missing) {
        return new EvidenceLevels(Optional.ofNullable(Nodes.number(node, "quiz")).orElse(missing),
                Optional.ofNullable(Nodes.number(node, "labs")).orElse(missing),
                Optional.ofNullable(Nodes.number(node, "checklist")).orElse(missing));
    }

    private static Optional<AssessmentItem> assessmentItem(JsonNode node) {
        String id = Nodes.text(node, "id");
        ItemType type;
        try {
            type = ItemType.fromId(Nodes.text(node, "type"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (id == null) {
            return Optional.empty();
        }
        List<Choice> choices = Nodes.objects(node, "choices").stream()
                .filter(c -> Nodes.text(c, "text") != null)
                .map(c -> new Choice(Nodes.text(c, "text"), c.path("correct").asBoolean(false), Nodes.textOr(c, "why", "")))
                .toList();
        String source = Nodes.text(node, "source");
        return Optional.of(new AssessmentItem(id, type, Nodes.texts(node, "weeks"), Nodes.textOr(node, "prompt", "").strip(),
                choices, Nodes.textOr(node, "answer", "").strip(), Nodes.texts(node, "rubric"), Nodes.texts(node, "evidence"),
                Nodes.textOr(node, "explanation", "").strip(),
                source != null && PackRules.isWebAddress(source) ? Optional.of(URI.create(source)) : Optional.empty()));
    }

    private static TaskKind kind(String id) {
        try {
            return id == null ? TaskKind.STUDY : TaskKind.fromId(id);
        } catch (IllegalArgumentException e) {
            return TaskKind.STUDY;
        }
    }
}
