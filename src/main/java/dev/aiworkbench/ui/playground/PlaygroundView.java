package dev.aiworkbench.ui.playground;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.prompts.PriceQuote;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.PromptContent;
import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.prompts.RunFigures;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.prompts.SaveResult;
import dev.aiworkbench.ui.Session;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.shell.FocusableScreen;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The prompt playground: a template with variables, a system prompt, model and options on the left;
 * the streamed answer with its figures, side-by-side comparison, run history and prompt versions on
 * the right.
 */
public final class PlaygroundView extends SplitPane implements FocusableScreen {
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final Session session;
    private final TemplateEditor template = new TemplateEditor();
    private final VariablesForm variables = new VariablesForm();
    private final TextArea system = new TextArea();
    private final ComboBox<String> model = new ComboBox<>();
    private final ChoiceBox<String> price = new ChoiceBox<>();
    private final OptionsForm options = new OptionsForm();
    private final OutputPane output = new OutputPane("");
    private final RunLauncher launcher;
    private final Label costElsewhere = new Label();
    private final Label editorState = new Label("Unsaved template");
    private final Button run = new Button("Run", new FontIcon(Feather.PLAY));
    private final Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
    private final SavePromptForm saveForm;
    private final HistoryPane history;
    private final VersionsPane versions;
    private final ComparePane compare;
    private final TabPane tabs = new TabPane();
    private final Tab outputTab = new Tab("Output");
    private PromptRef opened;

    public PlaygroundView(Session session) {
        this.session = session;
        setId("playground");
        launcher = new RunLauncher(session, output, this::runFinished);
        saveForm = new SavePromptForm(PromptRegistry.defaultAuthor(), this::save);
        history = new HistoryPane(session, this::reopen);
        versions = new VersionsPane(session, this::open);
        compare = new ComparePane(session, this::setup, variables::values, this::chosenModel, price::getValue);
        VBox editorSide = editorSide();
        editorSide.setMinWidth(480);
        getItems().addAll(editorSide, resultSide());
        setDividerPositions(0.5);
        template.templateProperty().addListener((obs, was, now) -> variables.show(now.variables()));
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e)) {
                runNow();
                e.consume();
            } else if (SAVE.match(e)) {
                saveForm.open(opened == null ? null : opened.name());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && launcher.running()) {
                launcher.stop();
                e.consume();
            }
        });
        refreshModels();
        refreshPrices();
        history.refresh();
        versions.refresh(null);
        refreshCompareVersions();
    }

    private VBox editorSide() {
        Label title = new Label("Prompt playground");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        editorState.setId("editor-state");
        editorState.getStyleClass().add(Styles.TEXT_MUTED);
        Labels.wrap(editorState);
        Button saveButton = new Button("Save version…", new FontIcon(Feather.SAVE));
        saveButton.setId("open-save-form");
        saveButton.setMinWidth(Region.USE_PREF_SIZE);
        saveButton.setOnAction(e -> saveForm.open(opened == null ? null : opened.name()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, saveButton);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        system.setId("system-prompt");
        system.setPromptText("System prompt (optional): the role and rules the model follows");
        system.setPrefRowCount(3);
        system.setWrapText(true);

        model.setId("model-choice");
        model.setEditable(true);
        model.setPromptText("model, e.g. llama3.2");
        Button refreshModels = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refreshModels.setId("refresh-model-list");
        refreshModels.getStyleClass().add(Styles.BUTTON_ICON);
        refreshModels.setOnAction(e -> refreshModels());
        price.setId("price-choice");
        run.setId("run-prompt");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> runNow());
        stop.setId("stop-run");
        stop.setDisable(true);
        stop.setOnAction(e -> launcher.stop());
        Label modelLabel = new Label("Model");
        modelLabel.setLabelFor(model);
        model.setPrefWidth(240);
        model.setMinWidth(200);
        Label priceLabel = new Label("Price at");
        priceLabel.setLabelFor(price);
        for (javafx.scene.control.Control control : List.of(modelLabel, priceLabel, run, stop)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox modelBar = new HBox(8, modelLabel, model, refreshModels, priceLabel, price);
        modelBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox runBar = new HBox(8, run, stop);

        VBox editor = new VBox(10, header, editorState, saveForm, section("Template", template),
                section("Variables", variables), section("System prompt", system), section("Options", options), modelBar,
                runBar);
        editor.setPadding(new Insets(16));
        VBox.setVgrow(template, Priority.SOMETIMES);
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        VBox side = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return side;
    }

    private TabPane resultSide() {
        costElsewhere.setId("cost-elsewhere");
        costElsewhere.getStyleClass().add(Styles.TEXT_MUTED);
        costElsewhere.setWrapText(true);
        VBox outputBox = new VBox(8, output, costElsewhere);
        VBox.setVgrow(output, Priority.ALWAYS);
        outputBox.setPadding(new Insets(12));
        outputTab.setContent(outputBox);
        Tab compareTab = new Tab("Compare", padded(compare));
        Tab historyTab = new Tab("History", padded(history));
        Tab versionsTab = new Tab("Versions", padded(versions));
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected()) {
                history.refresh();
            }
        });
        outputTab.setId("tab-output");
        compareTab.setId("tab-compare");
        historyTab.setId("tab-history");
        versionsTab.setId("tab-versions");
        tabs.getTabs().addAll(outputTab, compareTab, historyTab, versionsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static VBox padded(javafx.scene.Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(12));
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static VBox section(String title, javafx.scene.Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(4, label, content);
    }

    private String chosenModel() {
        String value = model.getEditor().getText();
        return value == null || value.isBlank() ? model.getValue() : value.strip();
    }

    /** The editor's run setup. @throws IllegalArgumentException for bad input, with the reason */
    private RunSetup setup() {
        String chosen = chosenModel();
        if (chosen == null || chosen.isBlank()) {
            throw new IllegalArgumentException("Choose a model (the list shows what the server has).");
        }
        RunSetup setup = RunSetup.adHoc(chosen, template.text(), system.getText(), variables.values(), options.options(),
                options.format());
        setup.renderedPrompt();
        return setup;
    }

    private void runNow() {
        if (launcher.running()) {
            return;
        }
        RunSetup setup;
        try {
            setup = setup();
        } catch (IllegalArgumentException e) {
            tabs.getSelectionModel().select(outputTab);
            output.fail(e.getMessage());
            return;
        }
        tabs.getSelectionModel().select(outputTab);
        costElsewhere.setText("");
        run.setDisable(true);
        stop.setDisable(false);
        launcher.start(setup, price.getValue(), "Running on " + setup.model() + "…");
    }

    private void runFinished(Optional<PlaygroundResult> kept) {
        run.setDisable(false);
        stop.setDisable(true);
        history.refresh();
        kept.ifPresent(result -> showCostElsewhere(result.run().figures()));
    }

    /** What the same tokens would cost at every row of the price table. */
    private void showCostElsewhere(RunFigures figures) {
        Usage usage = new Usage(figures.promptTokens() == null ? OptionalInt.empty() : OptionalInt.of(figures.promptTokens()),
                figures.outputTokens() == null ? OptionalInt.empty() : OptionalInt.of(figures.outputTokens()),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
        session.background(() -> session.workbench().prices().quotes(usage), quotes -> costElsewhere.setText(
                "The same tokens elsewhere: " + quotes.stream().map(PlaygroundView::quote).collect(Collectors.joining("; "))));
    }

    private static String quote(PriceQuote quote) {
        return quote.row().name() + " " + (quote.costUsd().isPresent() ? FiguresBar.usd(quote.costUsd().getAsDouble())
                : "unknown");
    }

    private void save(SavePromptForm.Entry entry) {
        PromptContent content;
        try {
            content = new PromptContent(template.text(), system.getText(), options.options(), options.format(),
                    chosenModel());
        } catch (IllegalArgumentException e) {
            editorState.setText(e.getMessage());
            return;
        }
        session.background(() -> session.workbench().prompts().save(entry.name(), content, entry.author(), entry.note()),
                this::saved);
    }

    private void saved(SaveResult result) {
        saveForm.setVisible(false);
        opened = result.version().ref();
        editorState.setText(result.message());
        versions.refresh(result.version().name());
        refreshCompareVersions();
    }

    /** Loads a saved version into the editor. */
    private void open(PromptVersion version) {
        PromptContent content = version.content();
        template.setText(content.template());
        system.setText(content.system());
        options.fill(content.options(), content.format());
        if (content.defaultModel() != null) {
            model.setValue(content.defaultModel());
            model.getEditor().setText(content.defaultModel());
        }
        opened = version.ref();
        editorState.setText("Opened " + version.label());
    }

    /** Loads a kept run back: its setup into the editor, its answer and figures into the output. */
    private void reopen(PlaygroundRun kept) {
        RunSetup setup = kept.setup();
        template.setText(setup.template());
        variables.fill(setup.variables());
        system.setText(setup.system());
        options.fill(setup.options(), setup.format());
        model.setValue(setup.model());
        model.getEditor().setText(setup.model());
        opened = setup.prompt();
        editorState.setText("Reopened run #" + kept.id() + (setup.prompt() == null ? "" : " of " + setup.prompt()));
        output.show(kept, true);
        tabs.getSelectionModel().select(outputTab);
    }

    private void refreshModels() {
        session.modelCall(() -> session.workbench().models().listModels(), list -> {
            List<String> names = list.stream().map(LocalModel::name).toList();
            String typed = model.getEditor().getText();
            model.getItems().setAll(names);
            if ((typed == null || typed.isBlank()) && !names.isEmpty()) {
                model.setValue(names.get(0));
                model.getEditor().setText(names.get(0));
            }
            compare.setModels(names);
        }, failure -> editorState.setText(failure.getMessage()));
    }

    private void refreshPrices() {
        session.background(() -> session.workbench().prices().rows(), rows -> {
            price.getItems().setAll(rows.stream().map(r -> r.name()).toList());
            price.setValue(PriceTable.LOCAL);
        });
    }

    private void refreshCompareVersions() {
        session.background(() -> session.workbench().prompts().list().stream()
                .flatMap(p -> session.workbench().prompts().versions(p.name()).stream()).toList(), compare::setVersions);
    }

    /** How many times the output was updated on the FX thread during the last run, for the frame budget. */
    long outputFrameUpdates() {
        return output.frameUpdates();
    }

    @Override
    public void focusFirst() {
        template.requestFocus();
    }
}
