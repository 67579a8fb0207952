package dev.aiworkbench.cli;

import dev.aiworkbench.packs.ChangeReport;
import dev.aiworkbench.packs.InstallReport;
import dev.aiworkbench.packs.ChangeReport.Change;
import dev.aiworkbench.progress.ArchivedItem;
import dev.aiworkbench.progress.CarryOverPlan;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The change report and the progress carry-over of {@code pack install} on the terminal and as JSON. */
final class InstallReportText {
    private InstallReportText() {
    }

    static void print(PrintWriter out, String id, ChangeReport report) {
        InstallReport.changes(id, report).forEach(out::println);
    }

    static void print(PrintWriter out, CarryOverPlan plan) {
        InstallReport.progress(plan).forEach(out::println);
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
