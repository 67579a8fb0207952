package dev.aiworkbench.ui.curriculum;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.curriculum.ChecklistItem;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.Completion;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.Schedule;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.markdown.MarkdownView;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A milestone project: what to build, when it is due and its acceptance checklist. */
final class MilestonePage extends VBox {
    private final Pack pack;
    private final Milestone milestone;
    private final CurriculumViewModel model;
    private final List<ItemRow> rows = new ArrayList<>();
    private final Label due = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label figures = new Label();

    MilestonePage(CurriculumViewModel model, Milestone milestone, LinkOpener links) {
        this.model = model;
        this.pack = model.pack();
        this.milestone = milestone;
        setId("milestone-page");
        setSpacing(20);
        setPadding(new Insets(24, 32, 32, 32));
        Label title = Labels.wrapped("Milestone · " + milestone.title(), Styles.TITLE_2);
        title.setId("milestone-title");
        due.getStyleClass().add(Styles.TEXT_MUTED);
        bar.setPrefWidth(260);
        getChildren().add(new VBox(6, title, due, new HBox(12, bar, figures)));
        MarkdownView summary = new MarkdownView(links);
        summary.setMarkdown(milestone.summary());
        getChildren().add(summary);
        VBox checklist = new VBox(8);
        for (ChecklistItem item : milestone.checklist()) {
            ItemRow row = new ItemRow(model, item.id(), item.text(), "", "check");
            rows.add(row);
            checklist.getChildren().add(row);
        }
        Label heading = new Label("Acceptance checklist");
        heading.getStyleClass().add(Styles.TITLE_4);
        getChildren().add(new VBox(8, heading, checklist));
        refresh(model.snapshot());
    }

    void refresh(ProgressSnapshot snapshot) {
        Schedule.of(pack, snapshot.plan()).week(milestone.week()).ifPresent(d ->
                due.setText("Due at the end of week " + milestone.week() + " (" + d.end() + ")"));
        Completion completion = ProgressReport.of(pack, snapshot).of(milestone.id());
        bar.setProgress(completion.fraction());
        figures.setText(completion.percent() + "% · " + completion.finished() + " of " + completion.total() + " checks");
        Map<String, Long> minutes = snapshot.minutesByItem(model.now());
        String timing = snapshot.runningTimer().map(t -> t.itemId()).orElse("");
        rows.forEach(row -> row.show(snapshot.state(row.itemId()), minutes.getOrDefault(row.itemId(), 0L),
                timing.equals(row.itemId())));
    }

    void focusItem(String itemId) {
        rows.stream().filter(r -> r.itemId().equals(itemId)).findFirst().ifPresentOrElse(ItemRow::focusCheckBox,
                () -> rows.stream().findFirst().ifPresent(ItemRow::focusCheckBox));
    }
}
