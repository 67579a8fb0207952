package dev.aiworkbench.authoring;

import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackDocuments;
import dev.aiworkbench.curriculum.PackInspection;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.curriculum.WeekFile;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pack lint}: everything validation reports, plus the rules an author wants before handing a pack out
 * (ids in kebab-case, weeks of 3-6 tasks whose hours add up, https links, labs whose checks name their services,
 * files nothing uses). Every problem names its rule. With {@link LabRehearsal}, the labs are run as well.
 */
public final class PackLinter {
    private final PackLoader loader;

    public PackLinter(String appVersion) {
        this.loader = new PackLoader(appVersion);
    }

    public LintReport lint(Path folderOrZip) {
        return lint(folderOrZip, Optional.empty());
    }

    /** Lints the pack, then rehearses every lab it uses: its starter must fail its checks, its solution pass them. */
    public LintReport lintAndRunLabs(Path folderOrZip, LabRehearsal rehearsal) {
        return lint(folderOrZip, Optional.of(rehearsal));
    }

    private LintReport lint(Path folderOrZip, Optional<LabRehearsal> rehearsal) {
        try (PackLocation location = PackLocation.open(folderOrZip)) {
            PackInspection inspection = loader.inspect(location);
            List<Problem> problems = new ArrayList<>();
            inspection.result().problems().stream()
                    // the linter checks a week's hours both ways; validation only warns when they exceed it
                    .filter(p -> !LintRules.WEEK_HOURS.equals(p.rule()))
                    .forEach(problems::add);
            Set<String> usedLabs = PackLabs.used(inspection.documents());
            problems.addAll(authoringRules(folderOrZip, location, inspection, usedLabs));
            List<RehearsedLab> labs = rehearsal.map(r -> r.rehearse(folderOrZip, usedLabs, inspection.result().pack()))
                    .orElse(List.of());
            labs.forEach(lab -> problems.addAll(lab.problems()));
            String name = inspection.result().pack().map(p -> p.id() + " " + p.info().version())
                    .orElse(folderOrZip.toString());
            return new LintReport(name, problems.stream().map(PackLinter::named).toList(), labs);
        } catch (PackAccessException | IOException e) {
            return new LintReport(folderOrZip.toString(), List.of(Problem.error(
                    new SourcePosition(folderOrZip.toString(), 1, 1), e.getMessage()).withRule(LintRules.FILE_ACCESS)),
                    List.of());
        }
    }

    private static List<Problem> authoringRules(Path folderOrZip, PackLocation location, PackInspection inspection,
                                                Set<String> usedLabs) throws IOException {
        PackDocuments documents = inspection.documents();
        Map<String, List<GuideLink>> guideLinks = guideLinks(location, documents.weeks());
        List<Problem> problems = new ArrayList<>();
        problems.addAll(KebabCaseIds.check(documents));
        problems.addAll(WeekShapeRules.check(documents.weeks()));
        problems.addAll(HttpsLinks.check(documents, guideLinks));
        problems.addAll(PackLabs.check(folderOrZip, usedLabs, inspection.result().pack()));
        problems.addAll(UnreferencedFiles.check(location.files(), usedLabs, guideLinks));
        return problems;
    }

    private static Map<String, List<GuideLink>> guideLinks(PackLocation location, List<WeekFile> weeks) {
        Map<String, List<GuideLink>> links = new LinkedHashMap<>();
        for (WeekFile week : weeks) {
            try {
                links.put(week.file(), GuideLinks.of(week, location.read(location.resolve(week.file()))));
            } catch (ProblemException e) {
                // the loader read this file a moment ago and reported any problem reading it
            }
        }
        return links;
    }

    /** Every problem names a rule; those a check did not name are the lab's or the pack format's. */
    private static Problem named(Problem problem) {
        return problem.withRuleIfNone(problem.file().startsWith("labs/") ? LintRules.LAB : LintRules.PACK_FORMAT);
    }
}
