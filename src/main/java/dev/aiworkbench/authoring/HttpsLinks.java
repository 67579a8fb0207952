package dev.aiworkbench.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.Nodes;
import dev.aiworkbench.curriculum.PackDocuments;
import dev.aiworkbench.curriculum.WeekFile;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Links a learner opens are https. Validation already refuses a resource or source that is not an absolute web
 * address; plain http passes there and is a warning here, since a browser flags it and anything on the way can
 * change the page.
 */
final class HttpsLinks {
    private HttpsLinks() {
    }

    /** @param guideLinks the links of each week's guide, by the week's file */
    static List<Problem> check(PackDocuments documents, Map<String, List<GuideLink>> guideLinks) {
        List<Problem> problems = new ArrayList<>();
        for (WeekFile week : documents.weeks()) {
            YamlDocument front = week.frontMatter();
            for (JsonNode resource : Nodes.objects(front.root(), "resources")) {
                String url = Nodes.text(resource, "url");
                if (isPlainHttp(url)) {
                    problems.add(warning(front.position(resource, "url"), url));
                }
            }
            for (GuideLink link : guideLinks.getOrDefault(week.file(), List.of())) {
                if (isPlainHttp(link.destination())) {
                    problems.add(warning(link.at(), link.destination()));
                }
            }
        }
        for (YamlDocument assessment : documents.assessments()) {
            for (JsonNode item : Nodes.objects(assessment.root(), "items")) {
                String source = Nodes.text(item, "source");
                if (isPlainHttp(source)) {
                    problems.add(warning(assessment.position(item, "source"), source));
                }
            }
        }
        return problems;
    }

    private static boolean isPlainHttp(String address) {
        return address != null && address.toLowerCase(Locale.ROOT).startsWith("http://");
    }

    private static Problem warning(SourcePosition at, String address) {
        return Problem.warning(at, "'" + address + "' is plain http: link the https address, which browsers do not "
                + "flag and nobody on the way can change").withRule(LintRules.HTTPS_LINKS);
    }
}
