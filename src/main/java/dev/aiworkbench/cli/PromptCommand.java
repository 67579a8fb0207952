package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.prompts.Playground;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.providers.ResolvedProvider;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolCallAssembler;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.llm.ParsedTools;
import dev.aiworkbench.llm.ToolDefinitionsJson;
import dev.aiworkbench.prompts.PlaygroundCall;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.PromptSummary;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.prompts.RunFigures;
import dev.aiworkbench.prompts.RunSetup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

@Command(name = "prompt", description = "Run prompts on a local model and list saved prompts.",
        subcommands = {PromptCommand.Run.class, PromptCommand.ListPrompts.class})
final class PromptCommand {

    @Command(name = "run", description = "Run a template (or a saved prompt version) on a model and stream the answer "
            + "to stdout. The run is kept in the playground's history.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "2:bad input (unknown variable, unknown prompt, bad option)",
                    "3:the model server cannot be reached or lacks the model",
                    "4:the server failed while answering (its text on stderr, the partial answer on stdout)"})
    static final class Run extends Verb implements Callable<Integer> {
        static final class Source {
            @Option(names = "--template", paramLabel = "<text>", description = "The template, with {{variable}} slots.")
            String template;

            @Option(names = "--prompt", paramLabel = "<name>[@<version>]", description = "A saved prompt (latest version "
                    + "unless @version is given).")
            String prompt;
        }

        @ArgGroup(multiplicity = "1")
        Source source;

        @Option(names = "--model", paramLabel = "<model>", description = "The model, e.g. llama3.2 (a saved prompt's "
                + "default model when left out).")
        String model;

        @Option(names = "--var", paramLabel = "<name=value>", description = "A value for a template variable; repeat it.")
        List<String> variables = new ArrayList<>();

        @Option(names = "--system", paramLabel = "<text>", description = "A system prompt (a template's only).")
        String system;

        @Option(names = "--option", paramLabel = "<name=value>", description = "A model option: " + "temperature, top_p, "
                + "top_k, seed, num_predict, num_ctx, stop (repeat stop for several); repeat --option.")
        List<String> options = new ArrayList<>();

        @Option(names = "--price", paramLabel = "<price row>", description = "Price the run at this row of the price "
                + "table (default: " + PriceTable.LOCAL + " for Ollama, else the row that names the model).")
        String price;

        @Option(names = "--json", description = "Print one JSON object with the answer and its figures when done.")
        boolean json;

        @Option(names = "--tools", paramLabel = "<file.json>", description = "Offer the model the tools in this file:"
                + " a JSON array in OpenAI's `tools` form or of bare {name, description, parameters}. The calls the"
                + " model makes are printed (the tools are not run).")
        Path toolsFile;

        @Mixin
        ProviderOptions providers = new ProviderOptions();

        @Override
        public Integer call() throws ModelServerException, InterruptedException {
            try (Workbench workbench = openWorkbench()) {
                RunSetup setup = setup(workbench);
                ResolvedProvider provider;
                Playground playground;
                try {
                    provider = workbench.providers().resolve(providers.choice());
                    playground = providers.given() ? workbench.playground(providers.choice()) : workbench.playground();
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(e.getMessage(), Cli.USAGE);
                }
                List<ToolDefinition> tools = tools();
                ToolCallAssembler calls = new ToolCallAssembler();
                PlaygroundCall call = playground.start(tools.isEmpty() ? setup : setup.withTools(tools),
                        priceRow(workbench, provider, setup.model()),
                        streamer(calls));
                Thread hook = new Thread(call::cancel, "cancel-run");
                Runtime.getRuntime().addShutdownHook(hook);
                PlaygroundResult result;
                try {
                    result = call.result().get();
                } catch (ExecutionException e) {
                    throw new CommandFailure("The run could not be kept: " + e.getCause().getMessage(), Cli.FAILED);
                } finally {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
                report(result.run(), provider, calls.calls());
                if (result.failure().isPresent()) {
                    throw result.failure().get();
                }
                return Cli.OK;
            }
        }

        /** The --tools file's definitions; none without it. A file that cannot be used is bad input. */
        private List<ToolDefinition> tools() {
            if (toolsFile == null) {
                return List.of();
            }
            String text;
            try {
                text = Files.readString(toolsFile);
            } catch (IOException e) {
                throw new CommandFailure("Cannot read the tools file " + toolsFile + "; check the path and that it can"
                        + " be read.", Cli.USAGE);
            }
            if (text.isBlank()) {
                throw new CommandFailure(toolsFile + " is empty: it should hold a JSON array of tools.", Cli.USAGE);
            }
            ParsedTools parsed = ToolDefinitionsJson.read(toolsFile.toString(), text);
            if (!parsed.ok()) {
                throw new CommandFailure(parsed.problems().stream().map(Object::toString)
                        .collect(Collectors.joining(System.lineSeparator())), Cli.USAGE);
            }
            return parsed.definitions();
        }

        /** --price when given; else the local row for Ollama, the row naming the model for others, or none. */
        private String priceRow(Workbench workbench, ResolvedProvider provider, String model) {
            if (price != null || provider.kind() == ProviderKind.OLLAMA) {
                return price == null ? PriceTable.LOCAL : price;
            }
            return workbench.prices().rowFor(model).map(PriceRow::name).orElse(null);
        }

        private RunSetup setup(Workbench workbench) {
            Map<String, String> values = pairs(variables, "--var");
            try {
                if (source.prompt != null) {
                    if (system != null) {
                        throw new CommandFailure("--system goes with --template; a saved prompt has its own", Cli.USAGE);
                    }
                    PromptVersion version = workbench.prompts().get(source.prompt);
                    RunSetup saved = RunSetup.of(version, model, values);
                    return options.isEmpty() ? saved : new RunSetup(saved.prompt(), saved.model(), saved.template(),
                            saved.system(), saved.variables(), modelOptions(), saved.format());
                }
                if (model == null) {
                    throw new CommandFailure("choose a model with --model (see `workbench models list`)", Cli.USAGE);
                }
                RunSetup setup = RunSetup.adHoc(model, source.template, system, values, modelOptions(), null);
                setup.renderedPrompt();
                return setup;
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
        }

        private ModelOptions modelOptions() {
            Map<String, List<String>> grouped = new LinkedHashMap<>();
            for (String pair : options) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new CommandFailure("--option takes name=value, not '" + pair + "'", Cli.USAGE);
                }
                grouped.computeIfAbsent(pair.substring(0, equals).strip(), k -> new ArrayList<>())
                        .add(pair.substring(equals + 1));
            }
            try {
                return ModelOptions.parse(grouped);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
        }

        private static Map<String, String> pairs(List<String> raw, String option) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : raw) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new CommandFailure(option + " takes name=value, not '" + pair + "'", Cli.USAGE);
                }
                values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
            return values;
        }

        /**
         * Without --json the answer goes to stdout as it arrives; with it, only the final object is printed. Tool
         * calls are put together as they stream and printed at the end either way.
         */
        private TokenListener streamer(ToolCallAssembler calls) {
            return new TokenListener() {
                @Override
                public void onToken(String delta) {
                    if (!json) {
                        out().print(delta);
                        out().flush();
                    }
                }

                @Override
                public void onToolCall(ToolCallDelta delta) {
                    calls.accept(delta);
                }
            };
        }

        private void report(PlaygroundRun run, ResolvedProvider provider, List<ToolCall> calls) {
            if (json) {
                RunFigures figures = run.figures();
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("text", run.output());
                object.put("model", run.setup().model());
                object.put("provider", provider.name());
                object.put("providerKind", provider.kind().id());
                object.put("ttftMs", figures.ttftMs());
                object.put("totalMs", figures.totalMs());
                object.put("promptTokens", figures.promptTokens());
                object.put("outputTokens", figures.outputTokens());
                object.put("tokensPerSecond", figures.tokensPerSecond());
                object.put("costUsd", figures.costUsd());
                object.put("runId", run.id());
                object.put("error", run.error());
                object.put("toolCalls", calls.stream().map(Run::toolCall).toList());
                out().println(Json.write(object));
                return;
            }
            if (!run.output().isEmpty() && !run.output().endsWith("\n")) {
                out().println();
            }
            for (ToolCall call : calls) {
                out().println("tool call " + call.id() + ": " + call.name() + " " + call.argumentsJson());
            }
        }

        /** A call as --json prints it; the arguments are the model's text, which may not be valid JSON. */
        private static Map<String, Object> toolCall(ToolCall call) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("id", call.id());
            object.put("name", call.name());
            object.put("arguments", call.argumentsJson());
            return object;
        }
    }

    @Command(name = "list", description = "Saved prompts with their latest version.")
    static final class ListPrompts extends Verb implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                List<PromptSummary> prompts = workbench.prompts().list();
                if (prompts.isEmpty()) {
                    out().println("No saved prompts yet; save one from the playground.");
                }
                for (PromptSummary prompt : prompts) {
                    out().printf(Locale.ROOT, "%-32s v%-4d %s%n", prompt.name(), prompt.latestVersion(),
                            prompt.defaultModel() == null ? "" : prompt.defaultModel());
                }
                return Cli.OK;
            }
        }
    }
}
