package dev.aiworkbench.ui.curriculum;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Resource;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.progress.Completion;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.Schedule;
import dev.aiworkbench.progress.TimeEntry;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.markdown.MarkdownView;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A week: its dates and completion, goals, tasks with state and time, notes, resources and guide. */
final class WeekPage extends VBox {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final CurriculumViewModel model;
    private final Pack pack;
    private final Week week;
    private final List<ItemRow> rows = new ArrayList<>();
    private final Label dates = new Label();
    private final ProgressBar completionBar = new ProgressBar();
    private final Label completionText = new Label();
    private final TextArea note = new TextArea();
    private final Label noteStatus = new Label();
    private final PauseTransition autosave = new PauseTransition(Duration.seconds(1.5));

    WeekPage(CurriculumViewModel model, Week week, LinkOpener links) {
        this.model = model;
        this.pack = model.pack();
        this.week = week;
        setId("week-page");
        getStyleClass().add("page");
        setSpacing(20);
        setPadding(new Insets(24, 32, 32, 32));

        Label title = Labels.wrapped("Week " + week.number() + " · " + week.title(), Styles.TITLE_2);
        title.setId("week-title");
        dates.getStyleClass().add(Styles.TEXT_MUTED);
        completionBar.setPrefWidth(260);
        completionBar.setId("week-completion");
        HBox completion = new HBox(12, completionBar, completionText);
        getChildren().add(new VBox(6, title, dates, completion));

        VBox goals = new VBox(4);
        week.goals().forEach(goal -> goals.getChildren().add(Labels.wrapped("• " + goal)));
        getChildren().add(section("Goals", goals));

        VBox tasks = new VBox(8);
        tasks.setId("tasks");
        for (Task task : week.tasks()) {
            ItemRow row = new ItemRow(model, task.id(), task.title(), task.detail(), task.kind().id());
            task.lab().ifPresent(labId -> row.addLab(labId, model::openLab));
            rows.add(row);
            tasks.getChildren().add(row);
        }
        getChildren().add(section("Tasks", tasks));
        getChildren().add(section("Notes", notes()));
        getChildren().add(timeLog());

        VBox resources = new VBox(2);
        for (int i = 0; i < week.resources().size(); i++) {
            Resource resource = week.resources().get(i);
            Hyperlink link = new Hyperlink(resource.title(), new FontIcon(Feather.EXTERNAL_LINK));
            link.setId("resource-" + i);
            link.setTooltip(new Tooltip(resource.url().toString()));
            link.setOnAction(e -> links.open(resource.url().toString()));
            resources.getChildren().add(link);
        }
        getChildren().add(section("Resources", resources));

        MarkdownView guide = new MarkdownView(links);
        guide.setId("week-guide");
        guide.setMarkdown(week.guide());
        getChildren().add(section("Guide", guide));

        showLabProgress(model.labProgress());
        refresh(model.snapshot());
    }

    /** Asks for the labs' progress again (a lab check marks tasks); it arrives through {@link #showLabProgress}. */
    private void refreshLabs() {
        model.loadLabProgress(week.tasks().stream().flatMap(t -> t.lab().stream()).distinct().toList());
    }

    /** Shows each lab task's progress, from the labs' progress by lab id. */
    void showLabProgress(Map<String, String> labels) {
        rows.forEach(row -> row.showLabProgress(labels));
    }

    private VBox notes() {
        note.setId("week-note");
        note.setWrapText(true);
        note.setPrefRowCount(6);
        note.setPromptText("Your notes for this week, in Markdown. Saved as you type.");
        note.setText(model.savedNote(week.id()));
        note.textProperty().addListener((obs, was, now) -> {
            noteStatus.setText(now.equals(model.savedNote(week.id())) ? "" : "Unsaved changes");
            autosave.playFromStart();
        });
        autosave.setOnFinished(e -> saveNote());
        note.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                saveNote();
                e.consume();
            }
        });
        Button save = new Button("Save note", new FontIcon(Feather.SAVE));
        save.setId("save-note");
        save.setOnAction(e -> saveNote());
        noteStatus.setId("note-status");
        noteStatus.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = new HBox(12, save, noteStatus);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(8, note, actions);
    }

    /** Saves the note if it changed since the last save. */
    void saveNote() {
        autosave.stop();
        if (model.saveNote(week.id(), note.getText())) {
            noteStatus.setText("Saved");
        }
    }

    private VBox timeLog() {
        ComboBox<Task> task = new ComboBox<>();
        task.setId("time-task");
        task.getItems().setAll(week.tasks());
        task.setCellFactory(list -> new TaskCell());
        task.setButtonCell(new TaskCell());
        if (!week.tasks().isEmpty()) {
            task.setValue(week.tasks().get(0));
        }
        Spinner<Integer> minutes = new Spinner<>(5, 600, 30, 5);
        minutes.setId("time-minutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(100);
        Button log = new Button("Log minutes", new FontIcon(Feather.PLUS));
        log.setId("log-time");
        log.setOnAction(e -> {
            if (task.getValue() != null && minutes.getValue() != null) {
                model.addMinutes(task.getValue().id(), minutes.getValue());
            }
        });
        HBox row = new HBox(8, task, minutes, log);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return section("Log time by hand", row);
    }

    private static VBox section(String title, javafx.scene.Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, label, content);
    }

    /** Shows a new snapshot: states, time and completion, and the labs' progress (a lab check marks tasks). */
    void refresh(ProgressSnapshot snapshot) {
        showTimes(snapshot);
        refreshLabs();
    }

    /** States, time logged and completion: all a running timer changes, read from the snapshot alone. */
    void showTimes(ProgressSnapshot snapshot) {
        Schedule schedule = Schedule.of(pack, snapshot.plan());
        schedule.week(week.number()).ifPresent(d -> dates.setText(DATE.format(d.start()) + " – " + DATE.format(d.end())
                + " · " + formatHours(week.hours()) + " planned · " + pack.module(week.moduleId()).map(m -> m.title()).orElse("")));
        Completion completion = ProgressReport.of(pack, snapshot).of(week.id());
        completionBar.setProgress(completion.fraction());
        completionText.setText(completion.percent() + "% · " + completion.done() + " done, " + completion.skipped()
                + " skipped of " + completion.total());
        Instant now = model.now();
        Map<String, Long> minutes = snapshot.minutesByItem(now);
        Optional<String> timing = snapshot.runningTimer().map(TimeEntry::itemId);
        rows.forEach(row -> row.show(snapshot.state(row.itemId()), minutes.getOrDefault(row.itemId(), 0L),
                timing.filter(row.itemId()::equals).isPresent()));
    }

    boolean timerRunningHere() {
        return model.snapshot().runningTimer().map(TimeEntry::itemId)
                .filter(id -> week.tasks().stream().anyMatch(t -> t.id().equals(id))).isPresent();
    }

    void focusItem(String itemId) {
        rows.stream().filter(r -> r.itemId().equals(itemId)).findFirst().ifPresentOrElse(ItemRow::focusCheckBox,
                () -> rows.stream().findFirst().ifPresent(ItemRow::focusCheckBox));
    }

    Week week() {
        return week;
    }

    private static String formatHours(double hours) {
        return (hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours)) + " h";
    }

    private static final class TaskCell extends ListCell<Task> {
        @Override
        protected void updateItem(Task item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
