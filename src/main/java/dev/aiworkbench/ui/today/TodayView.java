package dev.aiworkbench.ui.today;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.AfterLayout;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.ReadinessCard;
import dev.aiworkbench.ui.common.ReadinessCard.QuizAction;
import dev.aiworkbench.ui.session.MilestoneReadiness;
import dev.aiworkbench.ui.today.TodayPage.CompletionRow;
import dev.aiworkbench.ui.today.TodayPage.NextItem;
import dev.aiworkbench.ui.today.TodayPage.Overview;
import dev.aiworkbench.ui.today.TodayPage.PackProblems;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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

import java.util.Optional;

import static dev.aiworkbench.ui.common.Labels.wrap;

/**
 * Where the learner stands today: current week, what's next, pace, streak, readiness for the phase's milestone and
 * the reviews due, completion and activity.
 */
public final class TodayView extends ScrollPane implements FocusableScreen {
    private final TodayViewModel model;
    private final TodayAssessmentViewModel assessment;
    private final VBox body = new VBox(20);
    /** Filled when the outlook is read (off the FX thread), so it is kept across the page's renders. */
    private final VBox assessmentSection = new VBox(12);
    private final ActivityHeatmap heatmap = new ActivityHeatmap();
    private Button primaryAction;

    public TodayView(TodayViewModel model, TodayAssessmentViewModel assessment) {
        this.model = model;
        this.assessment = assessment;
        assessmentSection.setId("today-assessment");
        setId("today");
        setFitToWidth(true);
        body.setPadding(new Insets(24, 32, 32, 32));
        body.getStyleClass().add("screen");
        setContent(body);
        model.pageProperty().addListener((obs, old, page) -> render(page));
        assessment.outlookProperty().addListener((obs, old, outlook) -> showOutlook(outlook));
        // Quiz and review answers are recorded on the Assess screen, so the outlook is read again each time Today shows;
        // after the screen's layout, since reading it (the labs' checks) would compete with that layout for the cores.
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                AfterLayout.run(now, assessment::refresh);
            }
        });
        render(model.page());
        showOutlook(assessment.outlook());
    }

    private void showOutlook(AssessmentOutlook outlook) {
        assessmentSection.getChildren().clear();
        assessmentSection.setVisible(!outlook.empty());
        assessmentSection.setManaged(!outlook.empty());
        if (outlook.due() > 0) {
            Label due = new Label(outlook.dueLine(), new FontIcon(Feather.REFRESH_CW));
            due.setId("review-due");
            Button review = new Button("Review now");
            review.setId("review-now");
            review.setOnAction(e -> assessment.reviewNow());
            HBox line = new HBox(12, due, review);
            line.setAlignment(Pos.CENTER_LEFT);
            assessmentSection.getChildren().add(line);
        }
        outlook.readiness().ifPresent(readiness -> assessment.pack().ifPresent(pack ->
                assessmentSection.getChildren().add(new ReadinessCard(pack, readiness.readiness(),
                        assessment::openWeek, Optional.of(quizAction(readiness))))));
    }

    private QuizAction quizAction(MilestoneReadiness readiness) {
        Runnable open = () -> assessment.takeQuiz(readiness.assessmentId());
        return readiness.unfinishedAttempt() ? QuizAction.resume(open) : QuizAction.take(open);
    }

    private void render(TodayPage page) {
        body.getChildren().clear();
        primaryAction = null;
        page.problems().ifPresent(problems -> body.getChildren().add(problems(problems)));
        if (page.overview().isEmpty()) {
            Label none = new Label("No curriculum to show yet");
            none.getStyleClass().add(Styles.TITLE_2);
            body.getChildren().add(0, none);
            return;
        }
        Overview overview = page.overview().get();
        Label packTitle = new Label(overview.pack());
        packTitle.setId("today-pack");
        packTitle.getStyleClass().add(Styles.TEXT_MUTED);
        Label heading = new Label(overview.heading());
        heading.setId("today-week");
        heading.getStyleClass().add(Styles.TITLE_2);
        wrap(heading);
        Label position = new Label(overview.position());
        position.setId("today-position");
        position.getStyleClass().add(Styles.TEXT_MUTED);
        body.getChildren().addAll(new VBox(4, packTitle, heading, position));

        HBox cards = new HBox(16, whatsNext(overview.next()), pace(overview.pace()), streak(overview.streak()));
        cards.getChildren().forEach(card -> HBox.setHgrow(card, Priority.ALWAYS));
        body.getChildren().add(cards);
        body.getChildren().add(assessmentSection);
        body.getChildren().add(completion(overview));
        heatmap.show(overview.activity(), overview.today());
        Label activityTitle = new Label("Activity, last " + ActivityHeatmap.WEEKS + " weeks");
        activityTitle.getStyleClass().add(Styles.TITLE_4);
        body.getChildren().add(new VBox(8, activityTitle, heatmap));
    }

    private Node whatsNext(Optional<NextItem> next) {
        VBox card = tile("What's next", Feather.ARROW_RIGHT_CIRCLE);
        card.setId("whats-next");
        if (next.isEmpty()) {
            card.getChildren().add(Labels.wrapped("Nothing: every task and checklist item is finished."));
            return card;
        }
        NextItem item = next.get();
        Label title = new Label(item.title());
        title.setId("whats-next-title");
        wrap(title);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label context = new Label(item.context());
        wrap(context);
        context.getStyleClass().add(Styles.TEXT_MUTED);
        Button open = new Button("Open", new FontIcon(Feather.BOOK_OPEN));
        open.setId("open-next");
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> model.open(item.id()));
        Button done = new Button("Mark done", new FontIcon(Feather.CHECK));
        done.setId("mark-next-done");
        done.setOnAction(e -> model.markDone(item.id()));
        primaryAction = open;
        HBox actions = new HBox(8, open, done);
        actions.setPadding(new Insets(6, 0, 0, 0));
        card.getChildren().addAll(title, context, actions);
        return card;
    }

    private static Node pace(TodayPage.Pace figures) {
        VBox card = tile("Pace", Feather.TRENDING_UP);
        card.setId("pace");
        Label pace = new Label(figures.perWeek());
        pace.getStyleClass().add(Styles.TITLE_3);
        Label window = new Label(figures.window());
        window.getStyleClass().add(Styles.TEXT_MUTED);
        Label projected = new Label(figures.projected());
        projected.setId("projected-finish");
        Label planned = new Label(figures.planned());
        wrap(planned);
        wrap(projected);
        planned.setId("ahead-behind");
        planned.getStyleClass().add(figures.behind() ? Styles.WARNING : Styles.SUCCESS);
        wrap(window);
        card.getChildren().addAll(pace, window, projected, planned);
        return card;
    }

    private static Node streak(TodayPage.Streak streak) {
        VBox card = tile("Streak", Feather.ZAP);
        card.setId("streak");
        Label days = new Label(streak.current());
        days.setId("streak-days");
        days.getStyleClass().add(Styles.TITLE_3);
        Label longest = new Label(streak.longest());
        longest.getStyleClass().add(Styles.TEXT_MUTED);
        card.getChildren().addAll(days, longest);
        return card;
    }

    private static Node completion(Overview overview) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setId("completion");
        int row = 0;
        for (CompletionRow completion : overview.completion()) {
            ProgressBar bar = new ProgressBar(completion.completion().fraction());
            bar.setId(completion.id());
            bar.setPrefWidth(320);
            Label figures = new Label(completion.completion().percent() + "%  ·  " + completion.completion().done()
                    + " done, " + completion.completion().skipped() + " skipped of " + completion.completion().total());
            figures.getStyleClass().add(Styles.TEXT_MUTED);
            grid.addRow(row++, new Label(completion.label()), bar, figures);
        }
        Label title = new Label("Completion");
        title.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, title, grid);
    }

    private static Node problems(PackProblems problems) {
        Message message = new Message(problems.title(), problems.description(), new FontIcon(Feather.ALERT_TRIANGLE));
        message.getStyleClass().add(problems.errors() ? Styles.DANGER : Styles.WARNING);
        TextArea list = new TextArea(problems.list());
        list.setId("pack-problems");
        list.setEditable(false);
        list.setPrefRowCount(Math.min(8, problems.count()));
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

    @Override
    public void focusFirst() {
        if (primaryAction != null) {
            primaryAction.requestFocus();
        }
    }
}
