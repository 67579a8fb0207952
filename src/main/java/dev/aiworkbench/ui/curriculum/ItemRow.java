package dev.aiworkbench.ui.curriculum;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One task or checklist item: a box to tick it done, its state, the time spent on it and a timer.
 * Every control is reachable with Tab; Space ticks the box.
 */
final class ItemRow extends HBox {
    private final String itemId;
    private final CheckBox done = new CheckBox();
    private final ComboBox<TaskState> state = new ComboBox<>();
    private final Label time = new Label();
    private final ToggleButton timer = new ToggleButton();
    private final VBox text;
    private String labId;
    private Label labProgress;
    private boolean updating;

    ItemRow(CurriculumViewModel model, String itemId, String title, String detail, String badge) {
        this.itemId = itemId;
        setId("item-" + itemId);
        getStyleClass().add("item-row");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);

        done.setId("done-" + itemId);
        done.setAccessibleText("Done: " + title);
        done.selectedProperty().addListener((obs, was, now) -> {
            if (!updating) {
                model.mark(itemId, now ? TaskState.DONE : TaskState.TODO);
            }
        });

        Label titleLabel = Labels.wrapped(title, "item-title");
        titleLabel.setLabelFor(done);
        text = new VBox(2, titleLabel);
        if (detail != null && !detail.isBlank()) {
            text.getChildren().add(Labels.wrapped(detail, Styles.TEXT_MUTED, Styles.TEXT_SMALL));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        Label kind = new Label(badge);
        kind.getStyleClass().addAll("badge", "badge-" + badge.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        kind.setMinWidth(USE_PREF_SIZE);

        state.setId("state-" + itemId);
        state.getItems().setAll(TaskState.values());
        state.setButtonCell(new StateCell());
        state.setCellFactory(list -> new StateCell());
        state.setAccessibleText("State of " + title);
        state.valueProperty().addListener((obs, was, now) -> {
            if (!updating && now != null) {
                model.mark(itemId, now);
            }
        });
        state.setPrefWidth(140);
        state.setMinWidth(USE_PREF_SIZE);

        time.getStyleClass().addAll(Styles.TEXT_MUTED, "item-time");
        time.setMinWidth(USE_PREF_SIZE);

        timer.setId("timer-" + itemId);
        timer.setGraphic(new FontIcon(Feather.CLOCK));
        timer.getStyleClass().addAll(Styles.BUTTON_ICON);
        timer.setTooltip(new Tooltip("Start or stop the timer on this item"));
        timer.setAccessibleText("Timer for " + title);
        timer.setOnAction(e -> {
            if (timer.isSelected()) {
                model.startTimer(itemId);
            } else {
                model.stopTimer();
            }
        });

        getChildren().addAll(done, text, kind, state, time, timer);
    }

    /** The task opens a lab: a link to it, and the lab's progress once known. */
    void addLab(String lab, java.util.function.Consumer<String> openLab) {
        this.labId = lab;
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink("Open lab", new FontIcon(Feather.PACKAGE));
        link.setId("open-lab-" + itemId);
        link.setAccessibleText("Open the lab " + lab);
        link.setOnAction(e -> openLab.accept(lab));
        labProgress = new Label();
        labProgress.setId("lab-progress-" + itemId);
        labProgress.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(8, link, labProgress);
        row.setAlignment(Pos.CENTER_LEFT);
        text.getChildren().add(row);
    }

    /** Shows "lab: 3 of 12 checks pass" for a lab task, from the labs' progress by lab id. */
    void showLabProgress(java.util.Map<String, String> labels) {
        if (labId != null && labels.containsKey(labId)) {
            labProgress.setText("lab: " + labels.get(labId));
        }
    }

    String itemId() {
        return itemId;
    }

    void show(TaskState current, long minutes, boolean timing) {
        updating = true;
        try {
            done.setSelected(current == TaskState.DONE);
            state.setValue(current);
            timer.setSelected(timing);
            time.setText(minutes == 0 && !timing ? "" : duration(minutes) + (timing ? " · timing" : ""));
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("finished"), current.finished());
        } finally {
            updating = false;
        }
    }

    /** "45 min" or "7 h 30 min": long totals read better in hours. */
    static String duration(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    void focusCheckBox() {
        done.requestFocus();
    }

    /** Shows states as words the learner reads ("in progress"), not as ids. */
    static final class StateCell extends ListCell<TaskState> {
        @Override
        protected void updateItem(TaskState item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.id().replace('-', ' '));
        }
    }
}
