package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.YamlDocument;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a pack and checks all of it at once: every file is parsed and checked against its schema,
 * then the rules that span files run, and every problem found is returned together with as much of
 * the pack as could be built.
 */
public final class PackLoader {
    private static final String SCHEMA = "schema";
    /** A file that is missing, a link, too large or unreadable. */
    private static final String FILE_ACCESS = "file-access";
    private final String appVersion;
    private final Set<String> appLabs;

    /** A loader for this app: a pack may use the labs the app ships ({@link InstalledPack#bundledLabIds()}). */
    public PackLoader(String appVersion) {
        this(appVersion, InstalledPack.bundledLabIds());
    }

    /**
     * @param appLabs ids of the labs the app offers; a pack's weeks may use them besides the labs/ folders
     *                the pack ships
     */
    public PackLoader(String appVersion, Set<String> appLabs) {
        this.appVersion = appVersion;
        this.appLabs = Set.copyOf(appLabs);
    }

    public LoadResult load(PackLocation location) {
        return inspect(location).result();
    }

    /** Loads the pack and keeps its parsed documents, whose nodes know where they were written, for a linter. */
    public PackInspection inspect(PackLocation location) {
        List<Problem> problems = new ArrayList<>();
        YamlDocument manifest = readManifest(location, problems);
        List<YamlDocument> phases = new ArrayList<>();
        List<WeekFile> weeks = new ArrayList<>();
        List<YamlDocument> assessments = new ArrayList<>();
        List<String> labs = List.of();
        try {
            for (Path file : location.list("phases", ".yaml")) {
                readYaml(location, file, PackSchemas.Kind.PHASE, problems).ifPresent(phases::add);
            }
            for (Path file : location.list("weeks", ".md")) {
                readWeek(location, file, problems).ifPresent(weeks::add);
            }
            for (Path file : location.list("assessments", ".yaml")) {
                readYaml(location, file, PackSchemas.Kind.ASSESSMENT, problems).ifPresent(assessments::add);
            }
            labs = location.folders("labs");
        } catch (IOException e) {
            problems.add(Problem.error(SourcePosition.startOf("."), "cannot list the pack's files: " + e.getMessage())
                    .withRule(FILE_ACCESS));
        }
        PackDocuments documents = new PackDocuments(manifest, phases, weeks, labs, assessments);
        problems.addAll(PackRules.check(documents, appVersion, appLabs));
        problems.addAll(AssessmentRules.check(documents));
        Replacements replacements = Replacements.of(documents);
        problems.addAll(replacements.problems());
        problems.sort(Problem.ORDER);
        return new PackInspection(documents, new LoadResult(PackAssembler.assemble(documents, replacements.byOldId()),
                List.copyOf(problems)));
    }

    private YamlDocument readManifest(PackLocation location, List<Problem> problems) {
        if (!location.exists("pack.yaml")) {
            problems.add(Problem.error(SourcePosition.startOf("pack.yaml"),
                    "file is missing: every pack has a pack.yaml at its top").withRule(FILE_ACCESS));
            return null;
        }
        return readYaml(location, location.resolve("pack.yaml"), PackSchemas.Kind.PACK, problems).orElse(null);
    }

    private static Optional<YamlDocument> readYaml(PackLocation location, Path file, PackSchemas.Kind kind,
                                                   List<Problem> problems) {
        try {
            YamlDocument document = YamlDocument.parse(location.relativeName(file), location.read(file), 0);
            PackSchemas.check(kind, document).forEach(p -> problems.add(p.withRuleIfNone(SCHEMA)));
            return Optional.of(document);
        } catch (ProblemException e) {
            problems.add(e.problem().withRuleIfNone(FILE_ACCESS));
            return Optional.empty();
        }
    }

    private static Optional<WeekFile> readWeek(PackLocation location, Path file, List<Problem> problems) {
        try {
            WeekFile week = WeekFile.parse(location.relativeName(file), location.read(file));
            PackSchemas.check(PackSchemas.Kind.WEEK, week.frontMatter()).forEach(p -> problems.add(p.withRuleIfNone(SCHEMA)));
            return Optional.of(week);
        } catch (ProblemException e) {
            problems.add(e.problem().withRuleIfNone(FILE_ACCESS));
            return Optional.empty();
        }
    }
}
