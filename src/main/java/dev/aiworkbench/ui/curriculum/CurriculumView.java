package dev.aiworkbench.ui.curriculum;

import dev.aiworkbench.curriculum.LearningModule;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.common.StoppableScreen;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan as a tree (phases, modules, weeks, milestones) with completion on every node, and the
 * selected node's page beside it.
 */
public final class CurriculumView extends SplitPane implements FocusableScreen, StoppableScreen {
    enum Kind { PHASE, MODULE, WEEK, MILESTONE }

    record Entry(String id, Kind kind, String label) {
    }

    private static final KeyCombination NEXT_WEEK = new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PREVIOUS_WEEK = new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);

    private final CurriculumViewModel model;
    private final Pack pack;
    private final LinkOpener links;
    private final TreeView<Entry> tree = new TreeView<>();
    private final ScrollPane detail = new ScrollPane();
    private final Map<String, TreeItem<Entry>> itemsById = new HashMap<>();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> refreshTimer()));
    private Node page;

    public CurriculumView(CurriculumViewModel model, LinkOpener links) {
        this.model = model;
        this.pack = model.pack();
        this.links = links;
        setId("curriculum");
        tree.setId("curriculum-tree");
        tree.setShowRoot(false);
        tree.setRoot(buildTree());
        tree.setCellFactory(view -> new EntryCell());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                show(now.getValue());
            }
        });
        detail.setFitToWidth(true);
        detail.setId("curriculum-detail");
        getItems().addAll(tree, detail);
        setDividerPositions(0.3);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (NEXT_WEEK.match(e)) {
                stepWeek(1);
                e.consume();
            } else if (PREVIOUS_WEEK.match(e)) {
                stepWeek(-1);
                e.consume();
            }
        });
        model.reportProperty().addListener((obs, old, report) -> refresh());
        model.labProgress().addListener((MapChangeListener<String, String>) change -> {
            if (page instanceof WeekPage week) {
                week.showLabProgress(model.labProgress());
            }
        });
        model.readinessProperty().addListener((obs, was, now) -> {
            if (page instanceof MilestonePage milestone) {
                milestone.showReadiness(now);
            }
        });
        // Quiz answers are recorded on the Assess screen, so readiness is read again each time this screen shows.
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.refreshReadiness();
            }
        });
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private TreeItem<Entry> buildTree() {
        TreeItem<Entry> root = new TreeItem<>(new Entry(pack.id(), Kind.PHASE, pack.info().title()));
        for (Phase phase : pack.phases()) {
            TreeItem<Entry> phaseItem = item(new Entry(phase.id(), Kind.PHASE, "Phase " + phase.number() + " · " + phase.title()));
            for (LearningModule module : phase.modules()) {
                TreeItem<Entry> moduleItem = item(new Entry(module.id(), Kind.MODULE, "Weeks " + module.firstWeek()
                        + "-" + module.lastWeek() + " · " + module.title()));
                for (Week week : pack.weeksOf(module)) {
                    moduleItem.getChildren().add(item(new Entry(week.id(), Kind.WEEK, "Week " + week.number() + " · "
                            + week.title())));
                }
                phaseItem.getChildren().add(moduleItem);
            }
            Milestone milestone = phase.milestone();
            if (milestone != null) {
                phaseItem.getChildren().add(item(new Entry(milestone.id(), Kind.MILESTONE, "Milestone · " + milestone.title())));
            }
            phaseItem.setExpanded(true);
            root.getChildren().add(phaseItem);
        }
        return root;
    }

    private TreeItem<Entry> item(Entry entry) {
        TreeItem<Entry> item = new TreeItem<>(entry);
        itemsById.put(entry.id(), item);
        return item;
    }

    private void show(Entry entry) {
        saveNoteOfCurrentPage();
        model.watchReadiness(entry.kind() == Kind.MILESTONE ? Optional.of(entry.id()) : Optional.empty());
        page = switch (entry.kind()) {
            case WEEK -> new WeekPage(model, pack.week(entry.id()).orElseThrow(), links);
            case MILESTONE -> new MilestonePage(model, pack.milestone(entry.id()).orElseThrow(), links, this::select);
            case MODULE -> {
                LearningModule module = pack.module(entry.id()).orElseThrow();
                yield new SummaryPage(entry.label(), module.summary(), model.report().of(module.id()),
                        pack.weeksOf(module), model.report(), this::openWeek);
            }
            case PHASE -> {
                Phase phase = pack.phase(entry.id()).orElseThrow();
                yield new SummaryPage(entry.label(), phase.summary(), model.report().of(phase.id()),
                        pack.weeksOf(phase), model.report(), this::openWeek);
            }
        };
        detail.setContent(page);
        detail.setVvalue(0);
    }

    private void openWeek(Week week) {
        select(week.id());
    }

    private void select(String id) {
        TreeItem<Entry> item = itemsById.get(id);
        if (item == null) {
            return;
        }
        for (TreeItem<Entry> parent = item.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        tree.scrollTo(Math.max(0, tree.getRow(item) - 3));
    }

    /** Opens the page that holds a task, checklist item, week, module, milestone or phase and focuses the item. */
    public void openItem(String itemId) {
        WorkItem workItem = pack.workItem(itemId).orElse(null);
        if (workItem == null) {
            select(itemId);
            return;
        }
        if (workItem.kind() == WorkItem.Kind.MILESTONE_CHECK) {
            pack.phases().stream().map(Phase::milestone)
                    .filter(m -> m != null && m.checklist().stream().anyMatch(c -> c.id().equals(itemId)))
                    .findFirst().ifPresent(m -> select(m.id()));
        } else {
            pack.weekNumber(workItem.weekNumber()).ifPresent(w -> select(w.id()));
        }
        // Focus once the page is in the scene: on the screen's first showing the scroll pane's skin, which
        // puts the page into the scene, is made on a later pulse, and a node outside a scene cannot take focus.
        Node shown = page;
        Runnable focus = () -> {
            if (shown instanceof WeekPage week) {
                week.focusItem(itemId);
            } else if (shown instanceof MilestonePage milestone) {
                milestone.focusItem(itemId);
            }
        };
        if (shown.getScene() != null) {
            Platform.runLater(focus);
            return;
        }
        shown.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> property, Scene was, Scene now) {
                if (now != null) {
                    property.removeListener(this);
                    Platform.runLater(focus);
                }
            }
        });
    }

    private void stepWeek(int step) {
        int current = page instanceof WeekPage week ? week.week().number()
                : model.report().workWeek().map(Week::number).orElse(1) - step;
        pack.weekNumber(current + step).ifPresent(this::openWeek);
    }

    private void refresh() {
        tree.refresh();
        if (page instanceof WeekPage week) {
            week.refresh(model.snapshot());
        } else if (page instanceof MilestonePage milestone) {
            milestone.refresh(model.snapshot());
        }
    }

    private void refreshTimer() {
        if (model.snapshot().runningTimer().isPresent() && page instanceof WeekPage week && week.timerRunningHere()) {
            week.showTimes(model.snapshot());
        }
    }

    private void saveNoteOfCurrentPage() {
        if (page instanceof WeekPage week) {
            week.saveNote();
        }
    }

    /** Saves a note still being typed. */
    public void flushPendingEdits() {
        saveNoteOfCurrentPage();
    }

    /** Nothing of this screen's own: a task's timer belongs to the session, which names and stops it. */
    @Override
    public List<String> running() {
        return List.of();
    }

    /** Stops the clock that refreshes a running task timer's minutes. */
    @Override
    public void stop() {
        ticker.stop();
    }

    @Override
    public void focusFirst() {
        if (tree.getSelectionModel().isEmpty()) {
            model.report().workWeek().ifPresentOrElse(w -> select(w.id()), () -> tree.getSelectionModel().selectFirst());
        }
        tree.requestFocus();
    }

    private final class EntryCell extends TreeCell<Entry> {
        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("complete"), false);
                return;
            }
            var completion = model.report().of(entry.id());
            Label percent = new Label(completion.percent() + "%");
            percent.getStyleClass().add("tree-percent");
            percent.setMinWidth(Region.USE_PREF_SIZE);
            setGraphic(percent);
            setText(entry.label());
            setId("tree-" + entry.id());
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("complete"), completion.complete());
        }
    }
}
