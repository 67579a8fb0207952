package dev.aiworkbench.packs;

import dev.aiworkbench.packs.ChangeReport.Change;
import dev.aiworkbench.packs.ChangeReport.Kind;
import dev.aiworkbench.progress.ArchivedItem;
import dev.aiworkbench.progress.CarryOverPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The change report and the progress carry-over of an install as lines of text, the same on the terminal and in the app. */
public final class InstallReport {
    private static final Map<Kind, String> MARKS = Map.of(Kind.ADDED, "+", Kind.REMOVED, "-", Kind.REPLACED, ">",
            Kind.CHANGED, "~");

    private InstallReport() {
    }

    /** Every change, part by part, one line each under a heading that counts them. */
    public static List<String> changes(String id, ChangeReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Changes from " + id + " " + report.fromVersion() + " to " + report.toVersion() + ":");
        if (report.isEmpty()) {
            lines.add("  none in weeks, tasks, checklists, labs or assessments");
        }
        part(lines, "weeks", report.weeks());
        part(lines, "tasks", report.tasks());
        part(lines, "milestone checklists", report.checklist());
        part(lines, "labs", report.labs());
        part(lines, "assessments", report.assessments());
        return lines;
    }

    private static void part(List<String> lines, String name, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        lines.add("  " + name + ": " + counts(changes));
        for (Change change : changes) {
            String detail = change.detail().isEmpty() ? "" : " (" + change.detail() + ")";
            lines.add("    " + MARKS.get(change.kind()) + " " + change.id() + "  " + change.title() + detail);
        }
    }

    private static String counts(List<Change> changes) {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            long count = changes.stream().filter(c -> c.kind() == kind).count();
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(count).append(' ')
                        .append(kind.name().toLowerCase(Locale.ROOT));
            }
        }
        return text.toString();
    }

    /** What happens to the learner's progress, one line per moved, archived or restored id; none without progress. */
    public static List<String> progress(CarryOverPlan plan) {
        List<String> lines = new ArrayList<>();
        if (plan.kept().isEmpty() && !plan.changesAnything()) {
            return lines;
        }
        lines.add("Your progress:");
        if (!plan.kept().isEmpty()) {
            lines.add("  stays as it is on " + plan.kept().size() + " item(s)");
        }
        for (CarryOverPlan.Move move : plan.moved()) {
            lines.add("  moves " + move.from() + " -> " + move.to() + (move.fromArchive() ? " (from the archive)" : ""));
        }
        for (ArchivedItem item : plan.archived()) {
            lines.add("  archives " + item.id() + "  " + item.title() + " (set aside, not deleted; it comes back if a"
                    + " later version brings the id back)");
        }
        for (ArchivedItem item : plan.restored()) {
            lines.add("  restores " + item.id() + "  " + item.title() + " (archived when " + item.packVersion()
                    + " was replaced)");
        }
        return lines;
    }
}
