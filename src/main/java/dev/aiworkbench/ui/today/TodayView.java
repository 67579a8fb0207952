package dev.aiworkbench.ui.today;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.progress.Activity;
import dev.aiworkbench.progress.Completion;
import dev.aiworkbench.progress.PlanStatus;
import dev.aiworkbench.progress.PlanSummary;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import static dev.aiworkbench.ui.common.Labels.wrap;
import dev.aiworkbench.ui.shell.FocusableScreen;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Where the learner stands today: current week, what's next, pace, streak, completion and activity. */
public final class TodayView extends ScrollPane implements FocusableScreen {
    private final Session session;
    private final Consumer<String> openItem;
    private final VBox body = new VBox(20);
    private final ActivityHeatmap heatmap = new ActivityHeatmap();
    private Button primaryAction;

    public TodayView(Session session, Consumer<String> openItem) {
        this.session = session;
        this.openItem = openItem;
        setId("today");
        setFitToWidth(true);
        body.setPadding(new Insets(24, 32, 32, 32));
        body.getStyleClass().add("screen");
        setContent(body);
        session.snapshotProperty().addListener((obs, old, snapshot) -> render(snapshot));
        render(session.snapshot());
    }

    private void render(ProgressSnapshot snapshot) {
        body.getChildren().clear();
        primaryAction = null;
        InstalledPack installed = session.installedPack();
        if (!installed.result().problems().isEmpty()) {
            body.getChildren().add(problems(installed));
        }
        if (installed.pack().isEmpty() || snapshot == null) {
            Label none = new Label("No curriculum to show yet");
            none.getStyleClass().add(Styles.TITLE_2);
            body.getChildren().add(0, none);
            return;
        }
        Pack pack = installed.pack().get();
        LocalDate today = LocalDate.now(session.clock());
        ProgressReport report = ProgressReport.of(pack, snapshot);
        PlanStatus status = PlanStatus.of(pack, snapshot, today, session.clock().getZone());
        Activity activity = Activity.of(snapshot.events(), session.clock().getZone());

        Label heading = new Label(status.workWeek().flatMap(pack::weekNumber)
                .map(w -> "Week " + w.number() + " of " + pack.weeks().size() + ": " + w.title())
                .orElse("You have finished " + pack.info().title()));
        heading.setId("today-week");
        heading.getStyleClass().add(Styles.TITLE_2);
        wrap(heading);
        Label position = new Label(capitalise(PlanSummary.position(status)));
        position.setId("today-position");
        position.getStyleClass().add(Styles.TEXT_MUTED);
        body.getChildren().addAll(new VBox(4, heading, position));

        HBox cards = new HBox(16, whatsNext(pack, report, snapshot), pace(status, pack), streak(activity, today));
        cards.getChildren().forEach(card -> HBox.setHgrow(card, Priority.ALWAYS));
        body.getChildren().add(cards);
        body.getChildren().add(completion(pack, report));
        heatmap.show(activity, today);
        Label activityTitle = new Label("Activity, last " + ActivityHeatmap.WEEKS + " weeks");
        activityTitle.getStyleClass().add(Styles.TITLE_4);
        body.getChildren().add(new VBox(8, activityTitle, heatmap));
    }

    private Node whatsNext(Pack pack, ProgressReport report, ProgressSnapshot snapshot) {
        VBox card = tile("What's next", Feather.ARROW_RIGHT_CIRCLE);
        card.setId("whats-next");
        var next = report.whatsNext();
        if (next.isEmpty()) {
            card.getChildren().add(Labels.wrapped("Nothing: every task and checklist item is finished."));
            return card;
        }
        WorkItem item = next.get();
        Label title = new Label(item.title());
        title.setId("whats-next-title");
        wrap(title);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        String where = pack.weekNumber(item.weekNumber()).map(w -> "Week " + w.number() + " · " + w.title()).orElse("");
        Label context = new Label((item.kind() == WorkItem.Kind.MILESTONE_CHECK ? "Milestone check · " : "") + where
                + (snapshot.state(item.id()) == TaskState.IN_PROGRESS ? " · in progress" : ""));
        wrap(context);
        context.getStyleClass().add(Styles.TEXT_MUTED);
        Button open = new Button("Open", new FontIcon(Feather.BOOK_OPEN));
        open.setId("open-next");
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> openItem.accept(item.id()));
        Button done = new Button("Mark done", new FontIcon(Feather.CHECK));
        done.setId("mark-next-done");
        done.setOnAction(e -> session.mark(item.id(), TaskState.DONE));
        primaryAction = open;
        HBox actions = new HBox(8, open, done);
        actions.setPadding(new Insets(6, 0, 0, 0));
        card.getChildren().addAll(title, context, actions);
        return card;
    }

    private Node pace(PlanStatus status, Pack pack) {
        VBox card = tile("Pace", Feather.TRENDING_UP);
        card.setId("pace");
        Label pace = new Label(String.format(Locale.ROOT, "%.1f h/week", status.paceHoursPerWeek()));
        pace.getStyleClass().add(Styles.TITLE_3);
        Label window = new Label("over the last " + status.paceWindowDays() + " days · "
                + String.format(Locale.ROOT, "%.0f", session.snapshot().plan().hoursPerWeek()) + " h/week planned");
        window.getStyleClass().add(Styles.TEXT_MUTED);
        Label projected = new Label(status.projectedFinish().map(d -> "Projected finish " + d)
                .orElse("No projection until you finish a task"));
        projected.setId("projected-finish");
        Label planned = new Label("Planned finish " + status.plannedFinish() + " · " + status.aheadOrBehind());
        wrap(planned);
        wrap(projected);
        planned.setId("ahead-behind");
        planned.getStyleClass().add(status.daysAhead() < 0 ? Styles.WARNING : Styles.SUCCESS);
        wrap(window);
        card.getChildren().addAll(pace, window, projected, planned);
        return card;
    }

    private Node streak(Activity activity, LocalDate today) {
        VBox card = tile("Streak", Feather.ZAP);
        card.setId("streak");
        int current = activity.currentStreak(today);
        Label days = new Label(current + (current == 1 ? " day" : " days"));
        days.setId("streak-days");
        days.getStyleClass().add(Styles.TITLE_3);
        int longestDays = activity.longestStreak();
        Label longest = new Label("Longest: " + longestDays + (longestDays == 1 ? " day" : " days"));
        longest.getStyleClass().add(Styles.TEXT_MUTED);
        card.getChildren().addAll(days, longest);
        return card;
    }

    private Node completion(Pack pack, ProgressReport report) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setId("completion");
        int row = 0;
        row = addBar(grid, row, "Overall", report.overall(), "completion-overall");
        for (Phase phase : pack.phases()) {
            row = addBar(grid, row, "Phase " + phase.number() + ": " + phase.title(), report.of(phase.id()),
                    "completion-" + phase.id());
        }
        Label title = new Label("Completion");
        title.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, title, grid);
    }

    private static int addBar(GridPane grid, int row, String label, Completion completion, String id) {
        ProgressBar bar = new ProgressBar(completion.fraction());
        bar.setId(id);
        bar.setPrefWidth(320);
        Label figures = new Label(completion.percent() + "%  ·  " + completion.done() + " done, "
                + completion.skipped() + " skipped of " + completion.total());
        figures.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row, new Label(label), bar, figures);
        return row + 1;
    }

    private Node problems(InstalledPack installed) {
        long errors = installed.result().errorCount();
        Message message = new Message(errors > 0 ? "The curriculum pack has problems" : "The curriculum pack has warnings",
                installed.source() + ": " + errors + " error(s), " + installed.result().warningCount()
                        + " warning(s). What could be read is shown; run `workbench pack validate` for the same list.",
                new FontIcon(Feather.ALERT_TRIANGLE));
        message.getStyleClass().add(errors > 0 ? Styles.DANGER : Styles.WARNING);
        TextArea list = new TextArea(installed.result().problems().stream().map(Problem::toString)
                .collect(Collectors.joining("\n")));
        list.setId("pack-problems");
        list.setEditable(false);
        list.setPrefRowCount(Math.min(8, installed.result().problems().size()));
        return new VBox(8, message, list);
    }

    /** A bordered box with a heading; a VBox (not a Card) so wrapped text gets its height at the box's width. */
    private static VBox tile(String title, Feather icon) {
        Label header = new Label(title, new FontIcon(icon));
        header.getStyleClass().add(Styles.TITLE_4);
        VBox tile = new VBox(6, header);
        tile.getStyleClass().add("tile");
        tile.setPrefWidth(300);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public void focusFirst() {
        if (primaryAction != null) {
            primaryAction.requestFocus();
        }
    }
}
