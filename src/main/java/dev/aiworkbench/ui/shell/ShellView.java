package dev.aiworkbench.ui.shell;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.common.StoppableScreen;
import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.help.HelpLine;
import dev.aiworkbench.ui.help.HelpOverlay;
import dev.aiworkbench.ui.settings.PackSwitch;
import javafx.application.Application;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The window's frame: navigation on the left, the current screen in the middle, a bar for errors
 * and notices on top, and an overlay layer for help and dialogs. The screens come from {@link ScreenRegistry}.
 * Until the data is open the window shows only what the first frame needs (the title, help, the theme switch and a
 * spinner): the navigation to the screens is built with the first session and the overlay on first use, so the
 * first window is not held up by controls nobody sees yet.
 */
public final class ShellView extends StackPane {
    /** The screen a budget alert opens (the Observability dashboard, which shows every budget). */
    static final String OBSERVABILITY = "observability";
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final Duration SPINNER_DELAY = Duration.millis(500);
    private static final KeyCombination GO_TO_NEXT = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination TOGGLE_THEME = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final LinkOpener links;
    private ModalPane overlay;
    private final BorderPane frame = new BorderPane();
    private final StackPane content = new StackPane();
    private final VBox navigation = new VBox();
    private final ToggleGroup navigationGroup = new ToggleGroup();
    private final Map<String, ToggleButton> navigationButtons = new LinkedHashMap<>();
    private final Map<String, BuiltScreen> screens = new HashMap<>();
    private final MessageBar messages = new MessageBar();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ThemeChoice> theme = new ReadOnlyObjectWrapper<>(ThemeChoice.LIGHT);
    private SessionModels models;
    private ScreenContext context;
    private ServerIndicator serverIndicator;

    public ShellView(LinkOpener links) {
        this.links = links;
        getStyleClass().add("shell");
        navigation.getStyleClass().add("navigation");
        navigation.setPrefWidth(200);
        content.getStyleClass().add("screen-area");
        frame.setLeft(navigation);
        frame.setCenter(new VBox(messages, content));
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().add(frame);
        buildNavigation();
        showLoading("Opening your plan…");
    }

    private void buildNavigation() {
        Label title = new Label(AppInfo.NAME);
        title.getStyleClass().addAll(Styles.TITLE_4, "app-title");
        title.setWrapText(true);
        navigation.getChildren().add(title);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button help = new Button("Shortcuts", new FontIcon(Feather.HELP_CIRCLE));
        help.setId("help-button");
        help.getStyleClass().add(Styles.FLAT);
        help.setMaxWidth(Double.MAX_VALUE);
        help.setAlignment(Pos.CENTER_LEFT);
        help.setOnAction(e -> showHelp());
        Button themeToggle = new Button("Light / dark", new FontIcon(Feather.MOON));
        themeToggle.setId("theme-toggle");
        themeToggle.getStyleClass().add(Styles.FLAT);
        themeToggle.setMaxWidth(Double.MAX_VALUE);
        themeToggle.setAlignment(Pos.CENTER_LEFT);
        themeToggle.setOnAction(e -> toggleTheme());
        navigation.getChildren().addAll(spacer, help, themeToggle);
        navigation.setPadding(new Insets(16, 12, 16, 12));
        navigation.setSpacing(4);
    }

    /** The screens' buttons, under the title, made with the first session: before it they would all be hidden. */
    private void buildScreenButtons() {
        List<ToggleButton> buttons = new ArrayList<>();
        for (ScreenEntry screen : ScreenRegistry.entries()) {
            ToggleButton button = new ToggleButton(screen.title(), new FontIcon(screen.icon()));
            button.setId("nav-" + screen.id());
            button.getStyleClass().add("nav-button");
            button.setToggleGroup(navigationGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setOnAction(e -> navigate(screen.id()));
            navigationButtons.put(screen.id(), button);
            buttons.add(button);
        }
        navigation.getChildren().addAll(1, buttons);
    }

    public void installShortcuts(Scene scene) {
        for (ScreenEntry screen : ScreenRegistry.entries()) {
            scene.getAccelerators().put(screen.shortcut(), () -> navigate(screen.id()));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showHelp);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), this::showHelp);
        scene.getAccelerators().put(TOGGLE_THEME, this::toggleTheme);
        scene.getAccelerators().put(GO_TO_NEXT, this::goToNext);
    }

    /** The help card's rows: how to open each screen, the shell's own keys, then each screen's own. */
    static List<HelpLine> helpLines() {
        List<HelpLine> lines = new ArrayList<>();
        ScreenRegistry.entries().forEach(screen -> lines.add(screen.openLine()));
        lines.add(new HelpLine(GO_TO_NEXT.getDisplayText(), "Go to what's next: open its week with the task focused"));
        lines.add(new HelpLine("Tab / Shift+Tab", "Move between controls on a page"));
        ScreenRegistry.entries().forEach(screen -> lines.addAll(screen.help()));
        lines.add(new HelpLine(TOGGLE_THEME.getDisplayText(), "Switch between light and dark theme"));
        lines.add(new HelpLine("F1 or Ctrl+/", "Show or hide this list"));
        lines.add(new HelpLine("Esc", "Close this list"));
        return lines;
    }

    /**
     * The message at once; the spinner only once opening has taken {@link #SPINNER_DELAY}. A usual start opens
     * sooner, so it shows no flash of a spinner, and the first frames are not spent drawing one while the data opens.
     */
    private void showLoading(String message) {
        Label label = new Label(message);
        VBox loading = new VBox(12, label);
        loading.setAlignment(Pos.CENTER);
        loading.setId("loading");
        content.getChildren().setAll(loading);
        PauseTransition wait = new PauseTransition(SPINNER_DELAY);
        wait.setOnFinished(e -> {
            if (content.getChildren().contains(loading)) {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setId("loading-spinner");
                spinner.setMaxSize(48, 48);
                loading.getChildren().add(0, spinner);
            }
        });
        wait.play();
    }

    /**
     * Says under the spinner why opening takes long (another process is setting up the same data folder); once the
     * session or a startup problem shows, there is nothing left to explain.
     */
    public void showLoadingNotice(String sentence) {
        if (content.getChildren().size() == 1 && content.getChildren().get(0) instanceof VBox loading
                && "loading".equals(loading.getId())) {
            Label notice = Labels.wrapped(sentence);
            notice.setId("loading-notice");
            notice.setMaxWidth(560);
            loading.getChildren().add(notice);
        }
    }

    /**
     * Fills the screens once the workbench is open.
     *
     * @param workbench   handed to the registry's factories, which pick each screen's services from it
     * @param switchPack  closes this session and opens one over the active pack; empty when the app walks a pack
     *                    given with --pack, which no choice in Settings changes
     * @param firstScreen the screen to show first
     */
    public void showSession(Workbench workbench, SessionModels models, Optional<Runnable> switchPack,
                            String firstScreen) {
        this.models = models;
        this.context = new ScreenContext(workbench, models, links, this::open, theme.getReadOnlyProperty(),
                choice -> applyTheme(choice, true), switchPack.map(run -> new PackSwitch(this::runningWork, run)));
        serverIndicator = new ServerIndicator(models.server().statusProperty(), models.server()::recheck);
        navigation.getChildren().add(navigation.getChildren().size() - 2, serverIndicator);
        applyTheme(models.savedTheme(), false);
        messages.bindError(models.notices().errorProperty(), models.notices()::clearError);
        messages.bindAlert(models.budgets().alertProperty(), models.budgets()::dismiss,
                () -> navigate(OBSERVABILITY));
        if (navigationButtons.isEmpty()) {
            buildScreenButtons();
        }
        boolean hasPack = models.progress().pack().isPresent();
        for (ScreenEntry screen : ScreenRegistry.entries()) {
            boolean available = hasPack || !screen.needsPack();
            navigationButtons.get(screen.id()).setVisible(available);
            navigationButtons.get(screen.id()).setManaged(available);
        }
        navigate(firstScreen);
        ready.set(true);
    }

    /**
     * Saves what is being typed, stops the screens' work and timers and forgets them, and shows the message until
     * the next {@link #showSession}: the session is being opened again over another pack.
     */
    public void closeSession(String message) {
        flushPendingEdits();
        if (models.progress().runningTimer().isPresent()) {
            models.progress().stopTimer();
        }
        screens.values().stream().map(BuiltScreen::view).filter(StoppableScreen.class::isInstance)
                .map(StoppableScreen.class::cast).forEach(StoppableScreen::stop);
        models.stopTakingWork();
        screens.clear();
        context = null;
        models = null;
        ready.set(false);
        navigation.getChildren().remove(serverIndicator);
        navigationGroup.selectToggle(null);
        showLoading(message);
    }

    /**
     * What closing the session now would stop: a task's timer (time on one pack is not logged while another is
     * walked), then the screens' work in navigation order; empty when nothing runs.
     */
    List<String> runningWork() {
        List<String> running = new ArrayList<>();
        models.progress().runningTimer().ifPresent(task -> running.add("the timer on " + task));
        ScreenRegistry.entries().stream().map(entry -> screens.get(entry.id())).filter(Objects::nonNull)
                .map(BuiltScreen::view).filter(StoppableScreen.class::isInstance).map(StoppableScreen.class::cast)
                .forEach(screen -> running.addAll(screen.running()));
        return running;
    }

    public void showStartupProblem(StartupProblem problem, Runnable startFresh, Runnable quit) {
        content.getChildren().setAll(new StartupProblemView(problem, startFresh, quit));
    }

    public void showNotice(String text) {
        messages.showNotice(text);
    }

    private boolean available(String screenId) {
        return context != null && navigationButtons.containsKey(screenId)
                && navigationButtons.get(screenId).isVisible();
    }

    public void navigate(String screenId) {
        if (!available(screenId)) {
            return;
        }
        // Screens are built the first time they are opened, so the first one appears sooner.
        BuiltScreen screen = screens.computeIfAbsent(screenId,
                id -> ScreenRegistry.entry(id).factory().apply(context));
        navigationButtons.get(screenId).setSelected(true);
        content.getChildren().setAll(screen.view());
        if (screen.view() instanceof FocusableScreen focusable) {
            focusable.focusFirst();
        }
    }

    /**
     * Shows Settings with the question whether to install the pack file the app was opened with: nothing is installed
     * until the learner confirms there, as with "Install pack…".
     */
    public void offerPackInstall(Path packFile) {
        open(ScreenRegistry.SETTINGS, packFile.toString());
    }

    /** Opens a screen and shows one thing on it (a task on Curriculum, a lab on Labs). */
    private void open(String screenId, String target) {
        navigate(screenId);
        BuiltScreen screen = screens.get(screenId);
        if (screen != null) {
            screen.opener().accept(target);
        }
    }

    private void goToNext() {
        if (available(ScreenRegistry.CURRICULUM)) {
            models.progress().whatsNext().ifPresent(item -> open(ScreenRegistry.CURRICULUM, item.id()));
        }
    }

    private void showHelp() {
        if (overlay == null) {
            overlay = new ModalPane();
            overlay.setId("overlay");
            getChildren().add(overlay);
            // Its skin starts hidden and would hide a card shown before the next pulse had made it.
            overlay.applyCss();
        } else if (overlay.isDisplay()) {
            overlay.hide(true);
            return;
        }
        overlay.show(new HelpOverlay(helpLines(), () -> overlay.hide(true)));
    }

    private void toggleTheme() {
        applyTheme(theme.get().opposite(), true);
    }

    private void applyTheme(ThemeChoice choice, boolean save) {
        Application.setUserAgentStylesheet(choice.theme().getUserAgentStylesheet());
        pseudoClassStateChanged(DARK, choice.dark());
        theme.set(choice);
        if (save && models != null) {
            models.theme().save(choice);
        }
    }

    /** Saves edits still in text fields (a note being typed) before the app closes. */
    public void flushPendingEdits() {
        screens.values().forEach(screen -> screen.flush().run());
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ThemeChoice> themeProperty() {
        return theme.getReadOnlyProperty();
    }
}
