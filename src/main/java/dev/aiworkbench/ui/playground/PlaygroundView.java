package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.common.FocusableScreen;
import dev.aiworkbench.ui.common.StoppableScreen;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Map;

/**
 * The prompt playground: a template with variables, a system prompt, model and options on the left;
 * the streamed answer with its figures, side-by-side comparison, run history and prompt versions on
 * the right. The state and the work are the {@link PlaygroundViewModel}'s; this builds the controls and binds them.
 */
public final class PlaygroundView extends SplitPane implements FocusableScreen, StoppableScreen {
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final PlaygroundViewModel model;
    private final TemplateEditor template;
    private final SavePromptForm saveForm;

    public PlaygroundView(PlaygroundViewModel model) {
        this.model = model;
        setId("playground");
        template = new TemplateEditor(model.templateProperty());
        saveForm = new SavePromptForm(model, PromptRegistry.defaultAuthor());
        VBox editorSide = editorSide();
        editorSide.setMinWidth(480);
        getItems().addAll(editorSide, resultSide());
        setDividerPositions(0.5);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e)) {
                model.run();
                e.consume();
            } else if (SAVE.match(e)) {
                saveForm.open();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.output().running()) {
                model.stop();
                e.consume();
            }
        });
        model.load();
    }

    private VBox editorSide() {
        Label title = new Label("Prompt playground");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label editorState = new Label();
        editorState.setId("editor-state");
        editorState.getStyleClass().add(Styles.TEXT_MUTED);
        editorState.textProperty().bind(model.editorStateProperty());
        Labels.wrap(editorState);
        Button saveButton = new Button("Save version…", new FontIcon(Feather.SAVE));
        saveButton.setId("open-save-form");
        saveButton.setMinWidth(Region.USE_PREF_SIZE);
        saveButton.setOnAction(e -> saveForm.open());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, saveButton);
        header.setAlignment(Pos.CENTER_LEFT);

        TextArea system = new TextArea();
        system.setId("system-prompt");
        system.setPromptText("System prompt (optional): the role and rules the model follows");
        system.setPrefRowCount(3);
        system.setWrapText(true);
        system.textProperty().bindBidirectional(model.systemProperty());

        ComboBox<String> modelChoice = new ComboBox<>(model.modelNames());
        modelChoice.setId("model-choice");
        modelChoice.setEditable(true);
        modelChoice.setPromptText("model · provider, e.g. llama3.2 · ollama");
        modelChoice.getEditor().textProperty().bindBidirectional(model.modelProperty());
        modelChoice.setPrefWidth(240);
        modelChoice.setMinWidth(200);
        Button refreshModels = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refreshModels.setId("refresh-model-list");
        refreshModels.getStyleClass().add(Styles.BUTTON_ICON);
        refreshModels.setOnAction(e -> model.refreshModels());
        ChoiceBox<String> price = new ChoiceBox<>(model.priceNames());
        price.setId("price-choice");
        price.valueProperty().bindBidirectional(model.priceProperty());
        Button run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("run-prompt");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.output().runningProperty());
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("stop-run");
        stop.disableProperty().bind(model.output().runningProperty().not());
        stop.setOnAction(e -> model.stop());
        Label modelLabel = new Label("Model");
        modelLabel.setLabelFor(modelChoice);
        Label priceLabel = new Label("Price at");
        priceLabel.setLabelFor(price);
        for (Control control : List.of(modelLabel, priceLabel, run, stop)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label keyInUse = new Label();
        keyInUse.setId("key-in-use");
        keyInUse.getStyleClass().add(Styles.TEXT_SMALL);
        keyInUse.textProperty().bind(model.keyInUseProperty());
        HBox modelBar = new HBox(8, modelLabel, modelChoice, refreshModels, keyInUse, priceLabel, price);
        modelBar.setAlignment(Pos.CENTER_LEFT);
        HBox runBar = new HBox(8, run, stop);

        VBox editor = new VBox(10, header, editorState, saveForm, section("Template", template),
                section("Variables", new VariablesForm(model.variables(), model.values())), section("System prompt", system),
                section("Tools", new ToolsForm(model.tools())), section("Options", new OptionsForm(model.options())));
        editor.setPadding(new Insets(16));
        VBox.setVgrow(template, Priority.SOMETIMES);
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        // The model and Run stay in view below the editor, however long the template, tools and options grow.
        VBox footer = new VBox(8, modelBar, runBar);
        footer.setPadding(new Insets(8, 16, 12, 16));
        VBox side = new VBox(scroll, footer);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return side;
    }

    private TabPane resultSide() {
        Label costElsewhere = new Label();
        costElsewhere.setId("cost-elsewhere");
        costElsewhere.getStyleClass().add(Styles.TEXT_MUTED);
        costElsewhere.setWrapText(true);
        costElsewhere.textProperty().bind(model.costElsewhereProperty());
        OutputPane output = new OutputPane("", model.output());
        VBox outputBox = new VBox(8, output, costElsewhere);
        VBox.setVgrow(output, Priority.ALWAYS);
        outputBox.setPadding(new Insets(12));
        Tab outputTab = new Tab("Output", outputBox);
        Tab compareTab = new Tab("Compare", padded(new ComparePane(model.compare())));
        Tab historyTab = new Tab("History", padded(new HistoryPane(model.history())));
        Tab versionsTab = new Tab("Versions", padded(new VersionsPane(model.versions(), model::open)));
        outputTab.setId("tab-output");
        compareTab.setId("tab-compare");
        historyTab.setId("tab-history");
        versionsTab.setId("tab-versions");
        TabPane tabs = new TabPane(outputTab, compareTab, historyTab, versionsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Map<PlaygroundViewModel.Pane, Tab> byPane = Map.of(PlaygroundViewModel.Pane.OUTPUT, outputTab,
                PlaygroundViewModel.Pane.COMPARE, compareTab, PlaygroundViewModel.Pane.HISTORY, historyTab,
                PlaygroundViewModel.Pane.VERSIONS, versionsTab);
        model.paneProperty().addListener((obs, was, now) -> tabs.getSelectionModel().select(byPane.get(now)));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> byPane.forEach((pane, tab) -> {
            if (tab == now) {
                model.paneProperty().set(pane);
            }
        }));
        return tabs;
    }

    private static VBox padded(Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(12));
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static VBox section(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(4, label, content);
    }

    /** Shows the History pane at a kept run; the target is the run's id in decimal. */
    public void openRun(String target) {
        model.showRun(Long.parseLong(target));
    }

    @Override
    public void focusFirst() {
        template.requestFocus();
    }

    @Override
    public List<String> running() {
        return model.streaming() ? List.of("a playground run") : List.of();
    }

    @Override
    public void stop() {
        model.stopAll();
    }
}
