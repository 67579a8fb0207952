package dev.aiworkbench.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.Nodes;
import dev.aiworkbench.curriculum.PackDocuments;
import dev.aiworkbench.curriculum.WeekFile;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ids are kebab-case: words of lower-case letters and digits joined by single hyphens. The schemas already refuse
 * other characters; this catches what their pattern lets through ({@code week--1}, {@code task-}), which reads
 * as a typo in a URL, a file name or a progress export.
 */
final class KebabCaseIds {
    private static final Pattern KEBAB = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** The schemas' form of an id; an id outside it is the schema's problem, reported once there. */
    private static final Pattern SCHEMA_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private final List<Problem> problems = new ArrayList<>();

    private KebabCaseIds() {
    }

    static List<Problem> check(PackDocuments documents) {
        KebabCaseIds rule = new KebabCaseIds();
        if (documents.manifest() != null) {
            rule.checkId(documents.manifest(), documents.manifest().root());
        }
        for (YamlDocument phase : documents.phases()) {
            JsonNode root = phase.root();
            rule.checkId(phase, root);
            Nodes.objects(root, "modules").forEach(m -> rule.checkId(phase, m));
            JsonNode milestone = root.get("milestone");
            if (milestone != null && milestone.isObject()) {
                rule.checkId(phase, milestone);
                Nodes.objects(milestone, "checklist").forEach(c -> rule.checkId(phase, c));
            }
        }
        for (WeekFile week : documents.weeks()) {
            YamlDocument front = week.frontMatter();
            rule.checkId(front, front.root());
            Nodes.objects(front.root(), "tasks").forEach(t -> rule.checkId(front, t));
        }
        for (YamlDocument assessment : documents.assessments()) {
            rule.checkId(assessment, assessment.root());
            Nodes.objects(assessment.root(), "items").forEach(i -> rule.checkId(assessment, i));
        }
        return rule.problems;
    }

    private void checkId(YamlDocument document, JsonNode owner) {
        String id = Nodes.text(owner, "id");
        if (id != null && SCHEMA_ID.matcher(id).matches() && !KEBAB.matcher(id).matches()) {
            problems.add(Problem.error(document.position(owner, "id"), "the id '" + id + "' is not kebab-case: "
                    + "join words with single hyphens and do not end with one (for example '"
                    + id.replaceAll("-+", "-").replaceAll("-$", "") + "')").withRule(LintRules.ID_KEBAB_CASE));
        }
    }
}
