package dev.aiworkbench.ui.shell;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.ui.LinkOpener;
import dev.aiworkbench.ui.Screen;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.ThemeChoice;
import dev.aiworkbench.ui.curriculum.CurriculumView;
import dev.aiworkbench.ui.help.HelpOverlay;
import dev.aiworkbench.ui.evals.EvalsView;
import dev.aiworkbench.ui.labs.LabsView;
import dev.aiworkbench.ui.models.ModelsView;
import dev.aiworkbench.ui.playground.PlaygroundView;
import dev.aiworkbench.ui.settings.SettingsView;
import dev.aiworkbench.ui.today.TodayView;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The window's frame: navigation on the left, the current screen in the middle, a bar for errors
 * and notices on top, and an overlay layer for help and dialogs.
 */
public final class ShellView extends StackPane {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final LinkOpener links;
    private final ModalPane overlay = new ModalPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane content = new StackPane();
    private final VBox navigation = new VBox();
    private final ToggleGroup navigationGroup = new ToggleGroup();
    private final Map<Screen, ToggleButton> navigationButtons = new EnumMap<>(Screen.class);
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, Supplier<Node>> screenFactories = new EnumMap<>(Screen.class);
    private final MessageBar messages = new MessageBar();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ThemeChoice> theme = new ReadOnlyObjectWrapper<>(ThemeChoice.LIGHT);
    private Session session;
    private CurriculumView curriculum;
    private LabsView labs;

    public ShellView(LinkOpener links) {
        this.links = links;
        getStyleClass().add("shell");
        navigation.getStyleClass().add("navigation");
        navigation.setPrefWidth(200);
        content.getStyleClass().add("screen-area");
        frame.setLeft(navigation);
        frame.setCenter(new VBox(messages, content));
        VBox.setVgrow(content, Priority.ALWAYS);
        overlay.setId("overlay");
        getChildren().addAll(frame, overlay);
        buildNavigation();
        showLoading();
    }

    private void buildNavigation() {
        Label title = new Label(AppInfo.NAME);
        title.getStyleClass().addAll(Styles.TITLE_4, "app-title");
        title.setWrapText(true);
        navigation.getChildren().add(title);
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.title(), new FontIcon(icon(screen)));
            button.setId("nav-" + screen.name().toLowerCase(java.util.Locale.ROOT));
            button.getStyleClass().add("nav-button");
            button.setToggleGroup(navigationGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setOnAction(e -> navigate(screen));
            button.setVisible(false);
            button.setManaged(false);
            navigationButtons.put(screen, button);
            navigation.getChildren().add(button);
        }
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

    private static Feather icon(Screen screen) {
        return switch (screen) {
            case TODAY -> Feather.SUN;
            case CURRICULUM -> Feather.BOOK_OPEN;
            case PLAYGROUND -> Feather.TERMINAL;
            case MODELS -> Feather.CPU;
            case EVALS -> Feather.CHECK_SQUARE;
            case LABS -> Feather.PACKAGE;
            case SETTINGS -> Feather.SETTINGS;
        };
    }

    public void installShortcuts(Scene scene) {
        for (Screen screen : Screen.values()) {
            scene.getAccelerators().put(screen.shortcut(), () -> {
                if (navigationButtons.get(screen).isVisible()) {
                    navigate(screen);
                }
            });
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showHelp);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), this::showHelp);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::toggleTheme);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN), this::goToNext);
    }

    private void showLoading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label("Opening your plan…");
        VBox loading = new VBox(12, spinner, label);
        loading.setAlignment(Pos.CENTER);
        loading.setId("loading");
        content.getChildren().setAll(loading);
    }

    /** Fills the screens once the workbench is open. */
    public void showSession(Session session, ThemeChoice savedTheme) {
        this.session = session;
        navigation.getChildren().add(navigation.getChildren().size() - 2,
                new ServerIndicator(session.serverStatusProperty(), session::recheckServer));
        applyTheme(savedTheme, false);
        messages.bindError(session.errorProperty(), session::clearError);
        boolean hasPack = session.pack().isPresent();
        screenFactories.put(Screen.TODAY, () -> new TodayView(session, this::openNextItem));
        if (hasPack) {
            screenFactories.put(Screen.CURRICULUM, () -> {
                curriculum = new CurriculumView(session, links, this::openLab);
                return curriculum;
            });
        }
        screenFactories.put(Screen.PLAYGROUND, () -> new PlaygroundView(session));
        screenFactories.put(Screen.MODELS, () -> new ModelsView(session));
        screenFactories.put(Screen.EVALS, () -> new EvalsView(session));
        screenFactories.put(Screen.LABS, () -> {
            labs = LabsView.create(() -> session.workbench().labs(), session::refreshProgress,
                    session.clock().getZone(), links);
            return labs;
        });
        screenFactories.put(Screen.SETTINGS, () -> new SettingsView(session, theme, choice -> applyTheme(choice, true)));
        navigationButtons.forEach((screen, button) -> {
            boolean available = screenFactories.containsKey(screen);
            button.setVisible(available);
            button.setManaged(available);
        });
        navigate(Screen.TODAY);
        ready.set(true);
    }

    public void showStartupProblem(StartupProblem problem, Runnable startFresh, Runnable quit) {
        content.getChildren().setAll(new StartupProblemView(problem, startFresh, quit));
    }

    public void showNotice(String text) {
        messages.showNotice(text);
    }

    public void navigate(Screen screen) {
        if (!screenFactories.containsKey(screen)) {
            return;
        }
        // Screens are built the first time they are opened, so the first one appears sooner.
        Node view = screens.computeIfAbsent(screen, s -> screenFactories.get(s).get());
        navigationButtons.get(screen).setSelected(true);
        content.getChildren().setAll(view);
        if (view instanceof FocusableScreen focusable) {
            focusable.focusFirst();
        }
    }

    private void goToNext() {
        if (session != null && screenFactories.containsKey(Screen.CURRICULUM)) {
            session.pack().flatMap(pack -> dev.aiworkbench.progress.ProgressReport.of(pack, session.snapshot())
                    .whatsNext()).ifPresent(item -> openNextItem(item.id()));
        }
    }

    private void openNextItem(String itemId) {
        navigate(Screen.CURRICULUM);
        if (curriculum != null) {
            curriculum.openItem(itemId);
        }
    }

    /** Opens a lab's page on the Labs screen (from a week's lab task). */
    private void openLab(String labId) {
        navigate(Screen.LABS);
        if (labs != null) {
            labs.openLab(labId);
        }
    }

    private void showHelp() {
        if (overlay.isDisplay()) {
            overlay.hide(true);
            return;
        }
        overlay.show(new HelpOverlay(() -> overlay.hide(true)));
    }

    private void toggleTheme() {
        applyTheme(theme.get().opposite(), true);
    }

    private void applyTheme(ThemeChoice choice, boolean save) {
        Application.setUserAgentStylesheet(choice.theme().getUserAgentStylesheet());
        pseudoClassStateChanged(DARK, choice.dark());
        theme.set(choice);
        if (save && session != null) {
            session.saveTheme(choice);
        }
    }

    /** Saves edits still in text fields (a note being typed) before the app closes. */
    public void flushPendingEdits() {
        if (curriculum != null) {
            curriculum.flushPendingEdits();
        }
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ThemeChoice> themeProperty() {
        return theme.getReadOnlyProperty();
    }
}
