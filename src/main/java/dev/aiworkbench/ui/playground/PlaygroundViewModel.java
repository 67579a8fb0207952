package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.prompts.PriceQuote;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.PromptContent;
import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.PromptSummary;
import dev.aiworkbench.prompts.PromptTemplate;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.prompts.RunFigures;
import dev.aiworkbench.prompts.RunHistory;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.prompts.SaveResult;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.providers.Providers;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The prompt playground's state: the template and its variables, system prompt, model (on any configured provider,
 * with the key in use shown masked), options and answer
 * format, the run in the Output pane with its figures and what the same tokens cost elsewhere, the prompt
 * version open in the editor, and the History, Versions and Compare panes. Every model call and database read
 * or write starts through the task executor it is given.
 */
public final class PlaygroundViewModel {
    /** The panes beside the editor. */
    public enum Pane {
        OUTPUT, COMPARE, HISTORY, VERSIONS
    }

    private final PromptRegistry prompts;
    private final PriceTable prices;
    private final PlaygroundProviders providers;
    private final TaskExecutor tasks;
    private final StringProperty template = new SimpleStringProperty("");
    private final ObservableList<String> variables = FXCollections.observableArrayList();
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final StringProperty system = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final ObservableList<String> modelNames = FXCollections.observableArrayList();
    private final StringProperty price = new SimpleStringProperty();
    private final ObservableList<String> priceNames = FXCollections.observableArrayList();
    private final OptionsModel options = new OptionsModel();
    private final ToolsModel tools;
    private final RunViewModel output;
    private final ReadOnlyStringWrapper keyInUse = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper costElsewhere = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper editorState = new ReadOnlyStringWrapper("Unsaved template");
    private final BooleanProperty saveFormOpen = new SimpleBooleanProperty();
    private final ObjectProperty<Pane> pane = new SimpleObjectProperty<>(Pane.OUTPUT);
    private final HistoryViewModel history;
    private final VersionsViewModel versions;
    private final CompareViewModel compare;
    private PromptRef opened;
    private String keyShownFor;

    /** What every provider's listing gave: the picker's entries and a sentence for each provider that failed. */
    private record Listing(List<String> entries, List<String> problems) {
    }

    public PlaygroundViewModel(PlaygroundProviders providers, PromptRegistry prompts, RunHistory runs,
                               PriceTable prices, TaskExecutor tasks) {
        this.prompts = prompts;
        this.prices = prices;
        this.providers = providers;
        this.tasks = tasks;
        this.tools = new ToolsModel(tasks);
        this.output = new RunViewModel(providers, tasks);
        this.history = new HistoryViewModel(runs, tasks, this::reopen, this::rerun, this::report);
        this.versions = new VersionsViewModel(prompts, tasks, this::report);
        this.compare = new CompareViewModel(providers, prompts, tasks, new CompareViewModel.Editor() {
            @Override
            public RunSetup setup() {
                return PlaygroundViewModel.this.setup();
            }

            @Override
            public Map<String, String> variables() {
                return variableValues();
            }

            @Override
            public ModelChoice model() {
                return chosen();
            }

            @Override
            public String price() {
                return price.get();
            }
        });
        template.addListener((obs, was, now) -> {
            List<String> names = PromptTemplate.parse(now).variables();
            if (!names.equals(variables)) {
                variables.setAll(names);
            }
        });
        model.addListener((obs, was, now) -> showKeyOf(chosen().provider()));
        pane.addListener((obs, was, now) -> {
            if (now == Pane.HISTORY) {
                history.refresh();
            }
        });
    }

    /** Reads what the panes list: every provider's models, the price rows, the history and the saved versions. */
    public void load() {
        refreshModels();
        refreshPrices();
        history.refresh();
        versions.refresh(null);
        refreshCompareVersions();
    }

    /**
     * Reads again what another process may have changed (a version saved or a run made from the command line, a price
     * edited): the price rows, the history, the saved prompts with the shown prompt's versions, and Compare's versions.
     * The models are the servers', not the database's, so they are not listed again.
     */
    public void othersWrote() {
        refreshPrices();
        history.refresh();
        versions.refresh(versions.promptProperty().get());
        refreshCompareVersions();
    }

    /** Lists each configured provider's models; one that fails says why in a sentence and the others still list. */
    public void refreshModels() {
        tasks.run(this::listEveryProvider, listing -> {
            List<String> names = listing.entries();
            modelNames.setAll(names);
            if (model.get().isBlank() && !names.isEmpty()) {
                model.set(names.get(0));
            }
            compare.setModels(names);
            if (!listing.problems().isEmpty()) {
                editorState.set(String.join(" ", listing.problems()));
            }
        }, this::report);
    }

    private Listing listEveryProvider() {
        List<String> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ProviderConfig provider : providers.list()) {
            try {
                providers.models(provider.name()).listModels().stream()
                        .map(m -> new ModelChoice(provider.name(), m.name()).label()).forEach(entries::add);
            } catch (ModelServerException | RuntimeException e) {
                problems.add(provider.name() + ": " + Sentences.of(e.getMessage()));
            }
        }
        return new Listing(entries, problems);
    }

    /** Reads the key the chosen provider's calls use (the keychain can be slow) when the provider changes. */
    private void showKeyOf(String provider) {
        if (provider.equals(keyShownFor)) {
            return;
        }
        keyShownFor = provider;
        tasks.run(() -> providers.shownKey(provider), key -> {
            if (provider.equals(keyShownFor)) {
                keyInUse.set(key.map(k -> "Key " + k).orElse(""));
            }
        }, failure -> keyInUse.set(""));
    }

    private void refreshPrices() {
        tasks.run(prices::rows, rows -> {
            priceNames.setAll(rows.stream().map(PriceRow::name).toList());
            price.set(PriceTable.LOCAL);
        }, this::report);
    }

    private void refreshCompareVersions() {
        tasks.run(() -> prompts.list().stream().map(PromptSummary::name)
                .flatMap(name -> prompts.versions(name).stream()).toList(), compare::setVersions, this::report);
    }

    /** Runs the editor's prompt in the Output pane; bad input is said there and nothing is sent. */
    public void run() {
        if (output.running()) {
            return;
        }
        pane.set(Pane.OUTPUT);
        if (!tools.ok()) {
            output.fail(tools.problemProperty().get());
            return;
        }
        RunSetup setup;
        try {
            setup = setup();
        } catch (IllegalArgumentException e) {
            output.fail(e.getMessage());
            return;
        }
        costElsewhere.set("");
        output.start(setup, chosen().provider(), price.get(), "Running on " + chosen().label() + "…",
                this::runFinished);
    }

    /** Sends the results typed for the Output pane's tool calls; the model's next turn streams there. */
    public void sendResults() {
        output.sendResults();
    }

    /** Stops the run in the Output pane; what arrived is kept. */
    public void stop() {
        output.stop();
    }

    /** Whether an answer is streaming in the Output pane or on either side of the comparison. */
    public boolean streaming() {
        return output.running() || compare.left().running() || compare.right().running();
    }

    /** Stops every answer streaming here; what arrived is kept. */
    public void stopAll() {
        stop();
        compare.stopBoth();
    }

    private void runFinished(Optional<PlaygroundResult> kept) {
        history.refresh();
        kept.ifPresent(result -> showCostElsewhere(result.run().figures()));
    }

    /** What the same tokens would cost at every row of the price table. */
    private void showCostElsewhere(RunFigures figures) {
        Usage usage = new Usage(figures.promptTokens() == null ? OptionalInt.empty() : OptionalInt.of(figures.promptTokens()),
                figures.outputTokens() == null ? OptionalInt.empty() : OptionalInt.of(figures.outputTokens()),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
        tasks.run(() -> prices.quotes(usage), quotes -> costElsewhere.set("The same tokens elsewhere: "
                + quotes.stream().map(PlaygroundViewModel::quote).collect(Collectors.joining("; "))), this::report);
    }

    private static String quote(PriceQuote quote) {
        return quote.row().name() + " " + (quote.costUsd().isPresent() ? Figures.usd(quote.costUsd().getAsDouble())
                : "unknown");
    }

    /** The editor's run setup. @throws IllegalArgumentException for bad input, with the reason */
    private RunSetup setup() {
        String chosen = chosen().model();
        if (chosen.isBlank()) {
            throw new IllegalArgumentException("Choose a model (the list shows what each provider has).");
        }
        RunSetup setup = RunSetup.adHoc(chosen, template.get(), system.get(), variableValues(), options.options(),
                options.format()).withTools(tools.definitions());
        setup.renderedPrompt();
        return setup;
    }

    private ModelChoice chosen() {
        return ModelChoice.parse(model.get());
    }

    /** The values typed for the template's variables; an empty one counts as not filled in, so the run says which. */
    public Map<String, String> variableValues() {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : variables) {
            String value = values.get(name);
            if (value != null && !value.isEmpty()) {
                typed.put(name, value);
            }
        }
        return typed;
    }

    /** Shows the form that saves the editor's content as a version. */
    public void openSaveForm() {
        saveFormOpen.set(true);
    }

    /** The name of the prompt open in the editor, for the save form; null for an unsaved template. */
    public String openedName() {
        return opened == null ? null : opened.name();
    }

    /** Saves the editor's content as a new version of the named prompt. */
    public void save(String name, String author, String note) {
        if (!tools.ok()) {
            editorState.set(tools.problemProperty().get());
            return;
        }
        PromptContent content;
        try {
            content = new PromptContent(template.get(), system.get(), options.options(), options.format(),
                    chosen().model().isEmpty() ? null : chosen().model(), tools.definitions());
        } catch (IllegalArgumentException e) {
            editorState.set(e.getMessage());
            return;
        }
        tasks.run(() -> prompts.save(name, content, author, note), this::saved, this::report);
    }

    private void saved(SaveResult result) {
        saveFormOpen.set(false);
        opened = result.version().ref();
        editorState.set(result.message());
        versions.refresh(result.version().name());
        refreshCompareVersions();
    }

    /** Loads a saved version into the editor. */
    public void open(PromptVersion version) {
        if (version == null) {
            return;
        }
        PromptContent content = version.content();
        template.set(content.template());
        system.set(content.system());
        options.fill(content.options(), content.format());
        tools.show(content.tools());
        if (content.defaultModel() != null) {
            model.set(content.defaultModel());
        }
        opened = version.ref();
        editorState.set("Opened " + version.label());
    }

    /** Shows the History pane with the kept run selected: how another screen (a recorded call) links to a run. */
    public void showRun(long runId) {
        history.show(runId);
        pane.set(Pane.HISTORY);
    }

    /**
     * Loads a kept run back: its setup into the editor, on the provider it was made on, and its answer and figures into
     * the Output pane; says so when that provider or its key is gone.
     */
    private void reopen(PlaygroundRun kept) {
        load(kept);
        output.show(kept, true);
        checkProvider(kept, () -> { });
    }

    /** Loads a kept run back and runs it again on the provider it was made on, unless that provider or its key is gone. */
    private void rerun(PlaygroundRun kept) {
        load(kept);
        checkProvider(kept, this::run);
    }

    private void load(PlaygroundRun kept) {
        RunSetup setup = kept.setup();
        template.set(setup.template());
        values.putAll(setup.variables());
        system.set(setup.system());
        options.fill(setup.options(), setup.format());
        tools.show(setup.tools());
        // A run kept before runs recorded their provider names only its model, which means the local server.
        model.set(kept.provider() == null ? setup.model() : new ModelChoice(kept.provider(), setup.model()).label());
        opened = setup.prompt();
        editorState.set("Reopened run #" + kept.id() + (setup.prompt() == null ? "" : " of " + setup.prompt())
                + (kept.provider() == null ? "; it was kept before runs recorded their provider, so it runs on the "
                + "local server unless you choose another model" : ""));
        pane.set(Pane.OUTPUT);
    }

    /** Reads (off the FX thread: the keychain can be slow) whether the run's provider still takes calls, then goes on. */
    private void checkProvider(PlaygroundRun kept, Runnable whenAvailable) {
        String provider = kept.provider() == null ? Providers.DEFAULT : kept.provider();
        tasks.run(() -> providers.unavailable(provider), why -> {
            if (why.isPresent()) {
                output.fail(why.get());
            } else {
                whenAvailable.run();
            }
        }, this::report);
    }

    private void report(Throwable failure) {
        editorState.set(Sentences.of(failure.getMessage()));
    }

    public StringProperty templateProperty() {
        return template;
    }

    /** The template's variables, in the order they first appear. */
    public ObservableList<String> variables() {
        return variables;
    }

    /** What was typed for each variable; a value stays while its variable is away from the template. */
    public ObservableMap<String, String> values() {
        return values;
    }

    public StringProperty systemProperty() {
        return system;
    }

    /** The model to run on, as typed or chosen. */
    public StringProperty modelProperty() {
        return model;
    }

    /** The picker's entries, "model · provider", every configured provider's models. */
    public ObservableList<String> modelNames() {
        return modelNames;
    }

    /** The price row the run's cost is computed at. */
    public StringProperty priceProperty() {
        return price;
    }

    public ObservableList<String> priceNames() {
        return priceNames;
    }

    public OptionsModel options() {
        return options;
    }

    /** The tool definitions offered with each run and kept with each saved version. */
    public ToolsModel tools() {
        return tools;
    }

    public RunViewModel output() {
        return output;
    }

    /** The chosen provider's key by its last four characters ("Key …abcd"); empty when it takes none. */
    public ReadOnlyStringProperty keyInUseProperty() {
        return keyInUse.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costElsewhereProperty() {
        return costElsewhere.getReadOnlyProperty();
    }

    /** What the editor holds (unsaved, opened or reopened) or the last thing that went wrong there. */
    public ReadOnlyStringProperty editorStateProperty() {
        return editorState.getReadOnlyProperty();
    }

    public BooleanProperty saveFormOpenProperty() {
        return saveFormOpen;
    }

    /** The pane shown beside the editor; showing History reads it again. */
    public ObjectProperty<Pane> paneProperty() {
        return pane;
    }

    public HistoryViewModel history() {
        return history;
    }

    public VersionsViewModel versions() {
        return versions;
    }

    public CompareViewModel compare() {
        return compare;
    }
}
