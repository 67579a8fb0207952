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
import dev.aiworkbench.ui.common.ReadinessCard;
import dev.aiworkbench.ui.common.ReadinessCard.QuizAction;
import dev.aiworkbench.ui.markdown.MarkdownView;
import dev.aiworkbench.ui.session.MilestoneReadiness;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A milestone project: what to build, when it is due, how ready the learner is for it, and its acceptance checklist. */
final class MilestonePage extends VBox {
    private final Pack pack;
    private final Milestone milestone;
    private final CurriculumViewModel model;
    private final List<ItemRow> rows = new ArrayList<>();
    private final Label due = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label figures = new Label();
    private final VBox readinessSlot = new VBox();
    private final Consumer<String> openWeek;

    /** @param openWeek opens a week's page (the readiness card's weak weeks) */
    MilestonePage(CurriculumViewModel model, Milestone milestone, LinkOpener links, Consumer<String> openWeek) {
        this.model = model;
        this.openWeek = openWeek;
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
        getChildren().add(readinessSlot);
        showReadiness(model.readinessProperty().get());
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

    /** Shows the card when the readiness is this milestone's; another milestone's (read late) is left out. */
    void showReadiness(Optional<MilestoneReadiness> readiness) {
        readinessSlot.getChildren().setAll(readiness.filter(r -> r.milestoneId().equals(milestone.id()))
                .map(r -> new ReadinessCard(pack, r.readiness(), openWeek, Optional.of(quizAction(r)))).stream()
                .toList());
    }

    private QuizAction quizAction(MilestoneReadiness readiness) {
        Runnable open = () -> model.openAssessment(readiness.assessmentId());
        return readiness.unfinishedAttempt() ? QuizAction.resume(open) : QuizAction.take(open);
    }

    void focusItem(String itemId) {
        rows.stream().filter(r -> r.itemId().equals(itemId)).findFirst().ifPresentOrElse(ItemRow::focusCheckBox,
                () -> rows.stream().findFirst().ifPresent(ItemRow::focusCheckBox));
    }
}
