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
    private final SchemaPasses passes;

    /** A loader for this app: a pack may use the labs the app ships ({@link InstalledPack#bundledLabIds()}). */
    public PackLoader(String appVersion) {
        this(appVersion, InstalledPack.bundledLabIds());
    }

    /**
     * @param appLabs ids of the labs the app offers; a pack's weeks may use them besides the labs/ folders
     *                the pack ships
     */
    public PackLoader(String appVersion, Set<String> appLabs) {
        this(appVersion, appLabs, SchemaPasses.NONE);
    }

    /** @param passes packs whose schemas passed before, which are not checked again while their content is the same */
    public PackLoader(String appVersion, Set<String> appLabs, SchemaPasses passes) {
        this.appVersion = appVersion;
        this.appLabs = Set.copyOf(appLabs);
        this.passes = passes;
    }

    /** A parsed file waiting for its schema check. */
    private record Parsed(PackSchemas.Kind kind, YamlDocument document) {
    }

    public LoadResult load(PackLocation location) {
        return inspect(location).result();
    }

    /** Loads the pack and keeps its parsed documents, whose nodes know where they were written, for a linter. */
    public PackInspection inspect(PackLocation location) {
        List<Problem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        PackDigest digest = new PackDigest(appVersion);
        YamlDocument manifest = readManifest(location, problems, parsed, digest);
        List<YamlDocument> phases = new ArrayList<>();
        List<WeekFile> weeks = new ArrayList<>();
        List<YamlDocument> assessments = new ArrayList<>();
        List<String> labs = List.of();
        try {
            for (Path file : location.list("phases", ".yaml")) {
                readYaml(location, file, PackSchemas.Kind.PHASE, problems, parsed, digest).ifPresent(phases::add);
            }
            for (Path file : location.list("weeks", ".md")) {
                readWeek(location, file, problems, parsed, digest).ifPresent(weeks::add);
            }
            for (Path file : location.list("assessments", ".yaml")) {
                readYaml(location, file, PackSchemas.Kind.ASSESSMENT, problems, parsed, digest).ifPresent(assessments::add);
            }
            labs = location.folders("labs");
        } catch (IOException e) {
            problems.add(Problem.error(SourcePosition.startOf("."), "cannot list the pack's files: " + e.getMessage())
                    .withRule(FILE_ACCESS));
        }
        problems.addAll(checkSchemas(parsed, digest.finish()));
        PackDocuments documents = new PackDocuments(manifest, phases, weeks, labs, assessments);
        problems.addAll(PackRules.check(documents, appVersion, appLabs));
        problems.addAll(AssessmentRules.check(documents));
        Replacements replacements = Replacements.of(documents);
        problems.addAll(replacements.problems());
        problems.sort(Problem.ORDER);
        return new PackInspection(documents, new LoadResult(PackAssembler.assemble(documents, replacements.byOldId()),
                List.copyOf(problems)));
    }

    /** Every file against its schema, unless this very content passed before; a clean pass is recorded. */
    private List<Problem> checkSchemas(List<Parsed> parsed, String digest) {
        if (passes.recorded(digest)) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (Parsed file : parsed) {
            PackSchemas.check(file.kind(), file.document()).forEach(p -> problems.add(p.withRuleIfNone(SCHEMA)));
        }
        if (problems.isEmpty()) {
            passes.record(digest);
        }
        return problems;
    }

    private YamlDocument readManifest(PackLocation location, List<Problem> problems, List<Parsed> parsed,
                                      PackDigest digest) {
        if (!location.exists("pack.yaml")) {
            problems.add(Problem.error(SourcePosition.startOf("pack.yaml"),
                    "file is missing: every pack has a pack.yaml at its top").withRule(FILE_ACCESS));
            return null;
        }
        return readYaml(location, location.resolve("pack.yaml"), PackSchemas.Kind.PACK, problems, parsed, digest)
                .orElse(null);
    }

    private static Optional<YamlDocument> readYaml(PackLocation location, Path file, PackSchemas.Kind kind,
                                                   List<Problem> problems, List<Parsed> parsed, PackDigest digest) {
        try {
            String name = location.relativeName(file);
            String text = location.read(file);
            digest.add(name, text);
            YamlDocument document = YamlDocument.parse(name, text, 0);
            parsed.add(new Parsed(kind, document));
            return Optional.of(document);
        } catch (ProblemException e) {
            problems.add(e.problem().withRuleIfNone(FILE_ACCESS));
            return Optional.empty();
        }
    }

    private static Optional<WeekFile> readWeek(PackLocation location, Path file, List<Problem> problems,
                                               List<Parsed> parsed, PackDigest digest) {
        try {
            String name = location.relativeName(file);
            String text = location.read(file);
            digest.add(name, text);
            WeekFile week = WeekFile.parse(name, text);
            parsed.add(new Parsed(PackSchemas.Kind.WEEK, week.frontMatter()));
            return Optional.of(week);
        } catch (ProblemException e) {
            problems.add(e.problem().withRuleIfNone(FILE_ACCESS));
            return Optional.empty();
        }
    }
}
