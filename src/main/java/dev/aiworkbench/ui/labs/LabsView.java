package dev.aiworkbench.ui.labs;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.common.FramePacer;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.StoppableScreen;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The labs of the installed pack: a list with each lab's weeks and status, and the selected lab's page (steps,
 * checks, services with live logs, Start, Check, Reveal solution, Stop). Dialogs (trusting the pack, revealing a
 * solution) open over the screen. What it shows and does is {@link LabsViewModel}'s; this builds and binds controls.
 */
public final class LabsView extends StackPane implements FocusableScreen, StoppableScreen {
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    private static final KeyCombination CHECK = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final LabsViewModel model;
    private final ZoneId zone;
    private final LinkOpener links;
    private final ModalPane dialogs = new ModalPane();
    private final ListView<LabEntry> list = new ListView<>();
    private final ScrollPane detail = new ScrollPane();

    /**
     * The screen as the app builds it: its work on a pool of daemon threads (a lab starting must not queue behind
     * another's check), the services' live events at most one FX update a frame.
     *
     * @param labs          the labs service, asked for off the FX thread (making it reads the catalog)
     * @param onTasksMarked runs when a lab's checks marked curriculum tasks done
     */
    public static LabsView create(Supplier<Labs> labs, TaskExecutor tasks, Runnable onTasksMarked, ZoneId zone,
                                  LinkOpener links) {
        return new LabsView(new LabsViewModel(labs, tasks,
                deliver -> new FramePacer(deliver)::request, onTasksMarked), zone, links);
    }

    /** Shows what another process wrote: each lab's progress and the open lab's results, read again. */
    public void othersWrote() {
        model.othersWrote();
    }

    LabsView(LabsViewModel model, ZoneId zone, LinkOpener links) {
        this.model = model;
        this.zone = zone;
        this.links = links;
        setId("labs");

        Label title = new Label("Labs");
        title.getStyleClass().add(Styles.TITLE_2);
        Label listStatus = new Label();
        listStatus.setId("labs-status");
        listStatus.getStyleClass().add(Styles.TEXT_MUTED);
        listStatus.textProperty().bind(model.statusProperty());
        Labels.wrap(listStatus);
        list.setId("lab-list");
        list.setCellFactory(view -> new EntryCell());
        list.setPlaceholder(new Label(""));
        list.setItems(model.entries());
        model.loadedProperty().addListener((obs, was, now) -> {
            if (now) {
                list.setPlaceholder(Labels.wrapped("This pack has no labs.", Styles.TEXT_MUTED));
            }
        });
        VBox left = new VBox(8, title, listStatus, list);
        left.setPadding(new Insets(24, 12, 12, 24));
        VBox.setVgrow(list, Priority.ALWAYS);

        detail.setId("lab-detail");
        detail.setFitToWidth(true);
        Label choose = Labels.wrapped("Choose a lab on the left.", Styles.TEXT_MUTED);
        StackPane placeholder = new StackPane(choose);
        placeholder.setPadding(new Insets(32));
        detail.setContent(placeholder);

        SplitPane split = new SplitPane(left, detail);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(left, false);
        dialogs.setId("lab-dialogs");
        getChildren().addAll(split, dialogs);

        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.open(now);
            }
        });
        model.pageProperty().addListener((obs, was, now) -> show(now));
        // Added after the list's own listener, so a row replaced by new progress is selected again after it.
        model.entries().addListener((ListChangeListener<LabEntry>) change -> selectOpenLab(false));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            LabPageViewModel page = model.page();
            if (page == null) {
                return;
            }
            if (START.match(e)) {
                page.start();
                e.consume();
            } else if (CHECK.match(e)) {
                page.checkAll();
                e.consume();
            }
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.load();
            }
        });
    }

    /** Opens a lab's page (from a week's lab task); once the list is read, if it is not yet. */
    public void openLab(String labId) {
        model.openLab(labId);
    }

    private void show(LabPageViewModel page) {
        if (page == null) {
            return;
        }
        detail.setContent(new LabPage(page, dialogs, zone, links));
        detail.setVvalue(0);
        selectOpenLab(true);
    }

    /** Selects the open lab's row (the learner chose it, or it was opened from elsewhere: then it is scrolled to). */
    private void selectOpenLab(boolean scroll) {
        LabPageViewModel page = model.page();
        if (page == null) {
            return;
        }
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).lab().id().equals(page.labId())) {
                if (list.getSelectionModel().getSelectedIndex() == i) {
                    return;
                }
                list.getSelectionModel().select(i);
                if (scroll) {
                    list.scrollTo(Math.max(0, i - 2));
                }
                return;
            }
        }
    }

    @Override
    public void focusFirst() {
        list.requestFocus();
    }

    @Override
    public List<String> running() {
        return model.runningLabs().stream().map(title -> "the lab " + title).toList();
    }

    /** Stops listening to the open lab; its services are stopped by the lab services as they close. */
    @Override
    public void stop() {
        model.close();
    }

    private static final class EntryCell extends ListCell<LabEntry> {
        private final Text title = new Text();
        private final Label status = new Label();
        private final VBox box = new VBox(2, title, status);

        EntryCell() {
            // A Text wraps at its wrapping width and reports the height that takes, so long titles get their
            // lines inside the list's width (a wrapped Label in a cell is cut to one line).
            setPrefWidth(0);
            getStyleClass().add("lab-entry");
            title.getStyleClass().add("lab-entry-title");
            status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "lab-entry-status");
            box.setAlignment(Pos.CENTER_LEFT);
            listViewProperty().addListener((obs, was, now) -> {
                title.wrappingWidthProperty().unbind();
                if (now != null) {
                    title.wrappingWidthProperty().bind(now.widthProperty().subtract(36));
                }
            });
        }

        @Override
        protected void updateItem(LabEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                setId(null);
                pseudoClassStateChanged(PASSED, false);
                return;
            }
            title.setText(entry.lab().title());
            status.setText(entry.status());
            setGraphic(box);
            setId("lab-entry-" + entry.lab().id());
            pseudoClassStateChanged(PASSED, entry.progress().complete());
        }
    }
}
