package dev.aiworkbench.ui.labs;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.labs.LabProgress;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.LabLoadResult;
import dev.aiworkbench.ui.LinkOpener;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.shell.FocusableScreen;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The labs of the installed pack: a list with each lab's weeks and status, and the selected lab's page (steps,
 * checks, services with live logs, Start, Check, Reveal solution, Stop). Dialogs (trusting the pack, revealing a
 * solution) open over the screen.
 */
public final class LabsView extends StackPane implements FocusableScreen, LabPage.Host {
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    private static final KeyCombination CHECK = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    record Entry(LabDefinition lab, LabProgress progress) {
    }

    private record Loaded(Labs labs, List<Entry> entries, List<String> broken) {
    }

    private final Session session;
    private final LinkOpener links;
    private final LabWorker worker = new LabWorker();
    private final ModalPane dialogs = new ModalPane();
    private final ListView<Entry> list = new ListView<>();
    private final Label listStatus = new Label("Reading the labs…");
    private final ScrollPane detail = new ScrollPane();
    private Labs labs;
    private LabPage page;
    private String wanted;
    private boolean loadStarted;
    private List<String> broken = List.of();

    public LabsView(Session session, LinkOpener links) {
        this.session = session;
        this.links = links;
        setId("labs");

        Label title = new Label("Labs");
        title.getStyleClass().add(Styles.TITLE_2);
        listStatus.setId("labs-status");
        listStatus.getStyleClass().add(Styles.TEXT_MUTED);
        Labels.wrap(listStatus);
        list.setId("lab-list");
        list.setCellFactory(view -> new EntryCell());
        list.setPlaceholder(new Label(""));
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
            if (now != null && (page == null || !page.labId().equals(now.lab().id()))) {
                show(now);
            }
        });
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (page == null) {
                return;
            }
            if (START.match(e)) {
                page.start();
                e.consume();
            } else if (CHECK.match(e)) {
                page.check(java.util.Optional.empty());
                e.consume();
            }
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null && !loadStarted) {
                load();
            }
        });
    }

    private void load() {
        loadStarted = true;
        worker.run(() -> {
            Labs all = session.workbench().labs();
            List<Entry> entries = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            for (LabLoadResult result : all.catalog().labs()) {
                if (result.lab().isPresent()) {
                    entries.add(new Entry(result.lab().get(), all.progress(result.id())));
                } else {
                    broken.add(result.id());
                }
            }
            entries.sort(java.util.Comparator.comparing((Entry e) -> e.lab().weeks().stream().min(Integer::compare)
                    .orElse(Integer.MAX_VALUE)).thenComparing(e -> e.lab().id()));
            return new Loaded(all, entries, broken);
        }, loaded -> {
            labs = loaded.labs();
            list.setPlaceholder(Labels.wrapped("This pack has no labs.", Styles.TEXT_MUTED));
            list.getItems().setAll(loaded.entries());
            broken = loaded.broken();
            showCount();
            if (wanted != null) {
                select(wanted);
            } else if (!list.getItems().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        }, sentence -> listStatus.setText("The labs could not be read. " + sentence));
    }

    private void showCount() {
        long passed = list.getItems().stream().filter(e -> e.progress().complete()).count();
        String text = list.getItems().size() + (list.getItems().size() == 1 ? " lab" : " labs") + ", " + passed
                + " passed.";
        if (!broken.isEmpty()) {
            text += " Could not read " + String.join(", ", broken) + " (the log in the data folder says why).";
        }
        listStatus.setText(text);
    }

    /** Opens a lab's page (from a week's lab task); once the list is read, if it is not yet. */
    public void openLab(String labId) {
        wanted = labId;
        if (labs != null) {
            select(labId);
        }
    }

    private void select(String labId) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).lab().id().equals(labId)) {
                list.getSelectionModel().select(i);
                list.scrollTo(Math.max(0, i - 2));
                wanted = null;
                return;
            }
        }
        listStatus.setText("There is no lab '" + labId + "' in this pack.");
    }

    private void show(Entry entry) {
        if (page != null) {
            page.dispose();
        }
        page = new LabPage(this, labs, entry.lab(), entry.progress());
        detail.setContent(page);
        detail.setVvalue(0);
    }

    /** The week numbers a lab belongs to: "Weeks 1–4", "Week 12", "Weeks 12, 24". */
    static String weeks(List<Integer> weeks) {
        if (weeks.isEmpty()) {
            return "";
        }
        return (weeks.size() == 1 ? "Week " : "Weeks ") + LabDefinition.span(weeks, "–", ", ");
    }

    // --- LabPage.Host -------------------------------------------------------------------------------------

    @Override
    public LabWorker worker() {
        return worker;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public LinkOpener links() {
        return links;
    }

    @Override
    public void showDialog(Node dialog) {
        dialogs.show(dialog);
    }

    @Override
    public void hideDialog() {
        dialogs.hide(true);
    }

    @Override
    public void progressChanged(String labId, LabProgress progress) {
        for (int i = 0; i < list.getItems().size(); i++) {
            Entry entry = list.getItems().get(i);
            if (entry.lab().id().equals(labId)) {
                list.getItems().set(i, new Entry(entry.lab(), progress));
                list.getSelectionModel().select(i);
            }
        }
        showCount();
    }

    @Override
    public void focusFirst() {
        list.requestFocus();
    }

    private static final class EntryCell extends ListCell<Entry> {
        private final javafx.scene.text.Text title = new javafx.scene.text.Text();
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
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                setId(null);
                pseudoClassStateChanged(PASSED, false);
                return;
            }
            title.setText(entry.lab().title());
            String when = weeks(entry.lab().weeks());
            status.setText((when.isEmpty() ? "" : when + " · ") + entry.progress().label());
            setGraphic(box);
            setId("lab-entry-" + entry.lab().id());
            pseudoClassStateChanged(PASSED, entry.progress().complete());
        }
    }
}
