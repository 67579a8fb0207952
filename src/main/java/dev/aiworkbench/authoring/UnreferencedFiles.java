package dev.aiworkbench.authoring;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files nothing in the pack reaches: not read by the loader, not in a lab the pack uses, not linked from a guide.
 * They ship to every learner and usually mean a leftover (weeks/notes.txt) or a link that was never written.
 * A guide's relative link to a file the pack lacks is reported here too, since it is the same walk.
 */
final class UnreferencedFiles {
    /** Files the loader reads: pack.yaml and the direct children of the pack's folders with their suffix. */
    private static final Pattern LOADED = Pattern.compile("^(pack\\.yaml|phases/[^/]+\\.yaml|weeks/[^/]+\\.md"
            + "|assessments/[^/]+\\.yaml)$");
    /** An author's notes at the top, and folders other parts of the app read by convention (eval suites). */
    private static final Pattern CONVENTIONAL = Pattern.compile(
            "^((readme|license|licence|changelog|notice)(\\.[^/]*)?|(evals|datasets)/.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private UnreferencedFiles() {
    }

    /**
     * @param files      every file of the pack, relative
     * @param usedLabs   ids of the labs the pack uses
     * @param guideLinks the links of each week's guide, by the week's file
     */
    static List<Problem> check(List<String> files, Set<String> usedLabs, Map<String, List<GuideLink>> guideLinks) {
        List<Problem> problems = new ArrayList<>();
        Set<String> present = Set.copyOf(files);
        Set<String> linked = new HashSet<>();
        guideLinks.forEach((file, links) -> links.forEach(link -> {
            String target = target(file, link.destination());
            if (target == null) {
                return;
            }
            if (present.contains(target)) {
                linked.add(target);
            } else {
                problems.add(Problem.error(link.at(), "the link '" + link.destination() + "' points at " + target
                        + ", which is not a file of the pack: fix the path or add the file")
                        .withRule(LintRules.UNKNOWN_REFERENCE));
            }
        }));
        Map<String, String> unusedLabFolders = new LinkedHashMap<>();
        for (String file : files) {
            if (isHidden(file) || LOADED.matcher(file).matches() || CONVENTIONAL.matcher(file).matches()
                    || linked.contains(file)) {
                continue;
            }
            String[] parts = file.split("/");
            if (parts.length > 2 && parts[0].equals("labs")) {
                if (!usedLabs.contains(parts[1])) {
                    unusedLabFolders.merge(parts[1], file, (first, other) -> other.endsWith("/lab.yaml") ? other : first);
                }
                continue;
            }
            problems.add(Problem.warning(SourcePosition.startOf(file), "nothing in the pack uses this file: link it "
                    + "from a week's guide, or delete it so it does not ship to every learner")
                    .withRule(LintRules.UNREFERENCED_FILE));
        }
        unusedLabFolders.forEach((lab, file) -> problems.add(Problem.warning(SourcePosition.startOf(file), "no week "
                + "uses the lab folder labs/" + lab + "/ and pack.yaml does not list it: list '" + lab + "' in "
                + "pack.yaml's labs and use it in a week, or delete the folder").withRule(LintRules.UNREFERENCED_FILE)));
        return problems;
    }

    /** Editor and version-control files (.gitignore, .DS_Store) are the author's, not the pack's. */
    private static boolean isHidden(String file) {
        for (String part : file.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pack file a relative link names, resolved from the guide's folder; null for a web address, an anchor or
     * an absolute path, which name no file of the pack.
     */
    static String target(String fromFile, String destination) {
        if (destination == null || destination.isEmpty() || destination.startsWith("#") || destination.startsWith("/")
                || SCHEME.matcher(destination).find()) {
            return null;
        }
        String path = destination.split("[#?]", 2)[0];
        Deque<String> parts = new ArrayDeque<>(List.of(fromFile.split("/")));
        parts.removeLast();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return destination; // leaves the pack, so it names no file of it
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }
}
