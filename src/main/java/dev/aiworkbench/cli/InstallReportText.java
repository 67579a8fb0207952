package dev.aiworkbench.cli;

import dev.aiworkbench.packs.ChangeReport;
import dev.aiworkbench.packs.ChangeReport.Change;
import dev.aiworkbench.packs.ChangeReport.Kind;
import dev.aiworkbench.progress.ArchivedItem;
import dev.aiworkbench.progress.CarryOverPlan;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The change report and the progress carry-over of {@code pack install}, as text and as JSON. */
final class InstallReportText {
    private static final Map<Kind, String> MARKS = Map.of(Kind.ADDED, "+", Kind.REMOVED, "-", Kind.REPLACED, ">",
            Kind.CHANGED, "~");

    private InstallReportText() {
    }

    static void print(PrintWriter out, String id, ChangeReport report) {
        out.println("Changes from " + id + " " + report.fromVersion() + " to " + report.toVersion() + ":");
        if (report.isEmpty()) {
            out.println("  none in weeks, tasks, checklists, labs or assessments");
        }
        part(out, "weeks", report.weeks());
        part(out, "tasks", report.tasks());
        part(out, "milestone checklists", report.checklist());
        part(out, "labs", report.labs());
        part(out, "assessments", report.assessments());
    }

    private static void part(PrintWriter out, String name, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.println("  " + name + ": " + counts(changes));
        for (Change change : changes) {
            String detail = change.detail().isEmpty() ? "" : " (" + change.detail() + ")";
            out.println("    " + MARKS.get(change.kind()) + " " + change.id() + "  " + change.title() + detail);
        }
    }

    private static String counts(List<Change> changes) {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            long count = changes.stream().filter(c -> c.kind() == kind).count();
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(kind.name().toLowerCase());
            }
        }
        return text.toString();
    }

    static void print(PrintWriter out, CarryOverPlan plan) {
        if (plan.kept().isEmpty() && !plan.changesAnything()) {
            return;
        }
        out.println("Your progress:");
        out.println("  kept on " + plan.kept().size() + " item(s)");
        for (CarryOverPlan.Move move : plan.moved()) {
            out.println("  moves " + move.from() + " -> " + move.to() + (move.fromArchive() ? " (from the archive)" : ""));
        }
        for (ArchivedItem item : plan.archived()) {
            out.println("  archives " + item.id() + "  " + item.title() + " (set aside, not deleted; it comes back if a"
                    + " later version brings the id back)");
        }
        for (ArchivedItem item : plan.restored()) {
            out.println("  restores " + item.id() + "  " + item.title() + " (archived when " + item.packVersion()
                    + " was replaced)");
        }
    }

    static Map<String, Object> json(ChangeReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", report.fromVersion());
        json.put("to", report.toVersion());
        json.put("weeks", changes(report.weeks()));
        json.put("tasks", changes(report.tasks()));
        json.put("checklist", changes(report.checklist()));
        json.put("labs", changes(report.labs()));
        json.put("assessments", changes(report.assessments()));
        return json;
    }

    private static List<Map<String, Object>> changes(List<Change> changes) {
        return changes.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("change", c.kind().name().toLowerCase());
            row.put("id", c.id());
            row.put("title", c.title());
            row.put("detail", c.detail());
            return row;
        }).toList();
    }

    static Map<String, Object> json(CarryOverPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kept", plan.kept());
        json.put("moved", plan.moved().stream().map(InstallReportText::move).toList());
        json.put("archived", plan.archived().stream().map(InstallReportText::item).toList());
        json.put("restored", plan.restored().stream().map(InstallReportText::item).toList());
        return json;
    }

    private static Map<String, Object> move(CarryOverPlan.Move move) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("from", move.from());
        row.put("to", move.to());
        row.put("fromArchive", move.fromArchive());
        return row;
    }

    private static Map<String, Object> item(ArchivedItem item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", item.id());
        row.put("title", item.title());
        row.put("packVersion", item.packVersion());
        return row;
    }
}
