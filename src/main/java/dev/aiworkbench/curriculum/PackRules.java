package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.YamlDocument;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Problem;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that span files and that a schema cannot express: unique ids, references that
 * resolve, weeks numbered without gaps, modules that tile the weeks, web addresses, app version,
 * labs that exist (in the pack or in the app) and are listed in pack.yaml.
 */
final class PackRules {
    private static final Pattern WEEK_FILE_NAME = Pattern.compile("^(\\d+)-[^/]+\\.md$");
    /** The form of an id ($defs/id in the schemas); the schema reports a lab id of another form. */
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private final PackDocuments documents;
    private final String appVersion;
    private final Set<String> appLabs;
    private final List<Problem> problems = new ArrayList<>();

    private record Numbered(int number, SourcePosition at, String file) {
    }

    private record ModuleSpan(String id, int first, int last, SourcePosition at) {
    }

    private PackRules(PackDocuments documents, String appVersion, Set<String> appLabs) {
        this.documents = documents;
        this.appVersion = appVersion;
        this.appLabs = Set.copyOf(appLabs);
    }

    /**
     * @param appLabs ids of the labs the app offers; a pack may use them besides the labs it ships
     */
    static List<Problem> check(PackDocuments documents, String appVersion, Set<String> appLabs) {
        PackRules rules = new PackRules(documents, appVersion, appLabs);
        rules.checkRequiredVersion();
        rules.checkUniqueIds();
        rules.checkPhaseNumbers();
        int lastWeek = rules.checkWeekNumbers();
        Map<String, ModuleSpan> modules = rules.checkModules(lastWeek);
        rules.checkWeekReferences(modules);
        rules.checkMilestones();
        rules.checkResourcesAndLabs();
        return rules.problems;
    }

    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void checkRequiredVersion() {
        YamlDocument manifest = documents.manifest();
        String requires = manifest == null ? null : Nodes.text(manifest.root(), "requires");
        if (requires == null || !requires.startsWith(">=")) {
            return;
        }
        String needed = requires.substring(2).strip();
        if (SemanticVersion.isValid(needed) && SemanticVersion.isValid(appVersion)
                && SemanticVersion.compare(needed, appVersion) > 0) {
            problems.add(Problem.error(manifest.position(manifest.root(), "requires"),
                    "this pack needs AI Engineer Workbench " + needed + " or newer; this is " + appVersion).withRule("app-version"));
        }
    }

    private void checkUniqueIds() {
        IdClaims claims = new IdClaims();
        for (YamlDocument phase : documents.phases()) {
            JsonNode root = phase.root();
            claim(claims, phase, root);
            Nodes.objects(root, "modules").forEach(m -> claim(claims, phase, m));
            JsonNode milestone = root.get("milestone");
            if (milestone != null && milestone.isObject()) {
                claim(claims, phase, milestone);
                Nodes.objects(milestone, "checklist").forEach(c -> claim(claims, phase, c));
            }
        }
        for (WeekFile week : documents.weeks()) {
            YamlDocument front = week.frontMatter();
            claim(claims, front, front.root());
            Nodes.objects(front.root(), "tasks").forEach(t -> claim(claims, front, t));
        }
    }

    private void claim(IdClaims claims, YamlDocument document, JsonNode owner) {
        claims.claim(document, owner).ifPresent(problems::add);
    }

    private void checkPhaseNumbers() {
        List<Numbered> numbers = new ArrayList<>();
        for (YamlDocument phase : documents.phases()) {
            Integer number = Nodes.integer(phase.root(), "number");
            if (number != null) {
                numbers.add(new Numbered(number, phase.position(phase.root(), "number"), phase.file()));
            }
        }
        if (documents.phases().isEmpty()) {
            problems.add(Problem.error(SourcePosition.startOf("phases/"), "the pack has no phases (phases/*.yaml)").withRule("pack-structure"));
        }
        checkSequence(numbers, "phase");
    }

    /** Checks that weeks run 1, 2, 3 … without gaps or repeats; returns the last week number. */
    private int checkWeekNumbers() {
        List<Numbered> numbers = new ArrayList<>();
        for (WeekFile week : documents.weeks()) {
            YamlDocument front = week.frontMatter();
            Integer number = Nodes.integer(front.root(), "week");
            if (number == null) {
                continue;
            }
            numbers.add(new Numbered(number, front.position(front.root(), "week"), front.file()));
            String name = front.file().substring(front.file().lastIndexOf('/') + 1);
            Matcher matcher = WEEK_FILE_NAME.matcher(name);
            if (!matcher.matches()) {
                problems.add(Problem.warning(SourcePosition.startOf(front.file()), "week files are named NN-title.md "
                        + "(for example " + String.format(Locale.ROOT, "%02d", number) + "-intro.md)").withRule("week-file-name"));
            } else if (Integer.parseInt(matcher.group(1)) != number) {
                problems.add(Problem.error(front.position(front.root(), "week"), "the file name says week "
                        + Integer.parseInt(matcher.group(1)) + " but the front matter says week " + number).withRule("week-file-name"));
            }
            if (week.guide().isBlank()) {
                problems.add(Problem.error(SourcePosition.startOf(front.file()),
                        "the week has no guide: write it in Markdown after the closing ---").withRule("week-guide"));
            }
        }
        if (documents.weeks().isEmpty()) {
            problems.add(Problem.error(SourcePosition.startOf("weeks/"), "the pack has no weeks (weeks/NN-*.md)").withRule("pack-structure"));
        }
        checkSequence(numbers, "week");
        return numbers.stream().mapToInt(Numbered::number).max().orElse(0);
    }

    private void checkSequence(List<Numbered> numbers, String what) {
        List<Numbered> sorted = new ArrayList<>(numbers);
        sorted.sort(Comparator.comparingInt(Numbered::number).thenComparing(Numbered::file));
        int expected = 1;
        Numbered previous = null;
        for (Numbered current : sorted) {
            if (previous != null && current.number() == previous.number()) {
                problems.add(Problem.error(current.at(), "duplicate " + what + " number " + current.number()
                        + " (also in " + previous.file() + ")").withRule("numbering"));
                continue;
            }
            if (current.number() > expected) {
                String missing = current.number() - 1 == expected ? what + " " + expected
                        : what + "s " + expected + "-" + (current.number() - 1);
                problems.add(Problem.error(current.at(), what + "s are not contiguous: " + missing
                        + (expected == current.number() - 1 ? " is" : " are") + " missing before " + what + " "
                        + current.number()).withRule("numbering"));
            }
            expected = current.number() + 1;
            previous = current;
        }
    }

    private Map<String, ModuleSpan> checkModules(int lastWeek) {
        Map<String, ModuleSpan> modules = new HashMap<>();
        List<ModuleSpan> spans = new ArrayList<>();
        for (YamlDocument phase : documents.phases()) {
            for (JsonNode module : Nodes.objects(phase.root(), "modules")) {
                String id = Nodes.text(module, "id");
                JsonNode weeks = module.get("weeks");
                Integer first = Nodes.integer(weeks, "first");
                Integer last = Nodes.integer(weeks, "last");
                if (id == null || first == null || last == null) {
                    continue;
                }
                ModuleSpan span = new ModuleSpan(id, first, last, phase.position(module, "weeks"));
                if (first > last) {
                    problems.add(Problem.error(span.at(), "module '" + id + "' starts in week " + first
                            + " but ends in week " + last).withRule("module-span"));
                    continue;
                }
                modules.put(id, span);
                spans.add(span);
            }
        }
        spans.sort(Comparator.comparingInt(ModuleSpan::first));
        int expected = 1;
        for (ModuleSpan span : spans) {
            if (span.first() > expected) {
                problems.add(Problem.error(span.at(), belongToNoModule(expected, span.first() - 1)
                        + " (module '" + span.id() + "' starts in week " + span.first() + ")").withRule("module-span"));
            } else if (span.first() < expected) {
                problems.add(Problem.error(span.at(), "module '" + span.id() + "' overlaps the module before it in "
                        + weeksText(span.first(), Math.min(span.last(), expected - 1)).toLowerCase()).withRule("module-span"));
            }
            if (lastWeek > 0 && span.last() > lastWeek) {
                problems.add(Problem.error(span.at(), "module '" + span.id() + "' ends in week " + span.last()
                        + " but the pack's last week is " + lastWeek).withRule("module-span"));
            }
            expected = Math.max(expected, span.last() + 1);
        }
        if (!spans.isEmpty() && expected <= lastWeek) {
            problems.add(Problem.error(spans.get(spans.size() - 1).at(), belongToNoModule(expected, lastWeek)).withRule("module-span"));
        }
        return modules;
    }

    private static String belongToNoModule(int first, int last) {
        return weeksText(first, last) + (first == last ? " belongs" : " belong") + " to no module";
    }

    private static String weeksText(int first, int last) {
        return first == last ? "Week " + first : "Weeks " + first + "-" + last;
    }

    private void checkWeekReferences(Map<String, ModuleSpan> modules) {
        for (WeekFile week : documents.weeks()) {
            YamlDocument front = week.frontMatter();
            String moduleId = Nodes.text(front.root(), "module");
            Integer number = Nodes.integer(front.root(), "week");
            if (moduleId == null) {
                continue;
            }
            ModuleSpan module = modules.get(moduleId);
            if (module == null) {
                problems.add(Problem.error(front.position(front.root(), "module"), "unknown module '" + moduleId + "'").withRule("unknown-reference"));
            } else if (number != null && (number < module.first() || number > module.last())) {
                problems.add(Problem.error(front.position(front.root(), "module"), "week " + number
                        + " is outside module '" + moduleId + "' (weeks " + module.first() + "-" + module.last() + ")").withRule("module-span"));
            }
            Double hours = Nodes.number(front.root(), "hours");
            double explicit = Nodes.objects(front.root(), "tasks").stream().map(t -> Nodes.number(t, "hours"))
                    .filter(h -> h != null).mapToDouble(Double::doubleValue).sum();
            if (hours != null && explicit > hours + 1e-9) {
                problems.add(Problem.warning(front.position(front.root(), "hours"), "the tasks' hours add up to "
                        + explicit + ", more than the week's " + hours).withRule("week-hours"));
            }
        }
    }

    private void checkMilestones() {
        List<YamlDocument> phases = new ArrayList<>(documents.phases());
        phases.sort(Comparator.comparing(p -> Nodes.integer(p.root(), "number"),
                Comparator.nullsLast(Comparator.naturalOrder())));
        int previousLast = 0;
        for (YamlDocument phase : phases) {
            int first = Integer.MAX_VALUE;
            int last = 0;
            for (JsonNode module : Nodes.objects(phase.root(), "modules")) {
                Integer f = Nodes.integer(module.get("weeks"), "first");
                Integer l = Nodes.integer(module.get("weeks"), "last");
                if (f != null && l != null) {
                    first = Math.min(first, f);
                    last = Math.max(last, l);
                }
            }
            if (last == 0) {
                continue;
            }
            if (first <= previousLast) {
                problems.add(Problem.error(phase.position(phase.root(), "modules"), "phase starts in week " + first
                        + ", before the phase numbered before it ends (week " + previousLast + ")").withRule("numbering"));
            }
            previousLast = Math.max(previousLast, last);
            JsonNode milestone = phase.root().get("milestone");
            Integer due = Nodes.integer(milestone, "week");
            if (due != null && due != last) {
                problems.add(Problem.error(phase.position(milestone, "week"), "the milestone is due in week " + due
                        + " but the phase ends in week " + last + "; a milestone closes its phase").withRule("milestone-week"));
            }
        }
    }

    private void checkResourcesAndLabs() {
        Set<String> available = new HashSet<>(documents.labFolders());
        available.addAll(appLabs);
        Set<String> listed = checkListedLabs(available);
        for (WeekFile week : documents.weeks()) {
            YamlDocument front = week.frontMatter();
            for (JsonNode resource : Nodes.objects(front.root(), "resources")) {
                String url = Nodes.text(resource, "url");
                if (url != null && !isWebAddress(url)) {
                    problems.add(Problem.error(front.position(resource, "url"),
                            "'" + url + "' is not an absolute http or https address").withRule("https-links"));
                }
            }
            JsonNode labList = front.root().get("labs");
            if (labList != null && labList.isArray()) {
                labList.forEach(lab -> {
                    if (lab.isTextual() && isUnknown(lab.asText(), available)) {
                        problems.add(Problem.error(front.position(lab), unknownLab(lab.asText())).withRule("unknown-reference"));
                    }
                });
            }
            for (JsonNode task : Nodes.objects(front.root(), "tasks")) {
                String lab = Nodes.text(task, "lab");
                if (lab == null) {
                    continue;
                }
                if (isUnknown(lab, available)) {
                    problems.add(Problem.error(front.position(task, "lab"), unknownLab(lab)).withRule("unknown-reference"));
                } else if (listed != null && available.contains(lab) && !listed.contains(lab)) {
                    problems.add(Problem.warning(front.position(task, "lab"), "lab '" + lab + "' is not in pack.yaml's labs: list it there "
                            + "so that learners are asked to trust it before it starts services or runs commands").withRule("lab-listed"));
                }
            }
        }
    }

    /** Every lab pack.yaml lists must be available; returns the ids it lists. */
    /** The labs pack.yaml lists, or null when pack.yaml could not be read (its own problem says why). */
    private Set<String> checkListedLabs(Set<String> available) {
        YamlDocument manifest = documents.manifest();
        if (manifest == null || manifest.root() == null || !manifest.root().isObject()) {
            return null;
        }
        JsonNode labList = manifest.root().get("labs");
        Set<String> listed = new HashSet<>();
        if (labList == null || !labList.isArray()) {
            return listed;
        }
        labList.forEach(lab -> {
            if (lab.isTextual()) {
                listed.add(lab.asText());
                if (isUnknown(lab.asText(), available)) {
                    problems.add(Problem.error(manifest.position(lab), unknownLab(lab.asText())).withRule("unknown-reference"));
                }
            }
        });
        return listed;
    }

    private static boolean isUnknown(String id, Set<String> available) {
        return ID.matcher(id).matches() && !available.contains(id);
    }

    private static String unknownLab(String id) {
        return "unknown lab '" + id + "': the pack has no folder labs/" + id + "/ and the app has no lab of that id";
    }
}
