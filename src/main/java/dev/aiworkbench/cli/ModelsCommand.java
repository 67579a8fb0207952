package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.providers.ResolvedProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

@Command(name = "models", description = "The models on the Ollama server, or with --provider on any provider.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Show.class})
final class ModelsCommand {

    /** The chosen provider's gateway, or the local server's when none is named. */
    private static ModelGateway gateway(Workbench workbench, ProviderOptions providers) {
        try {
            return providers.given() ? workbench.providerGateway(providers.choice()) : workbench.models();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), Cli.USAGE);
        }
    }

    @Command(name = "list", description = "Local models with family, parameter size, quantization and size on disk; "
            + "with --provider, the models that provider serves.")
    static final class ListModels extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "Print the models as JSON.")
        boolean json;

        @Mixin
        ProviderOptions providers = new ProviderOptions();

        @Override
        public Integer call() throws ModelServerException {
            try (Workbench workbench = openWorkbench()) {
                ModelGateway gateway = gateway(workbench, providers);
                List<LocalModel> models = gateway.listModels();
                if (json) {
                    out().println(Json.write(models.stream().map(ListModels::json).toList()));
                } else if (models.isEmpty() && providers.given()) {
                    out().println(gateway.baseUri() + " serves no models.");
                } else if (models.isEmpty()) {
                    out().println("No models on " + gateway.baseUri()
                            + " yet. Pull one with `workbench models pull llama3.2`.");
                } else {
                    out().printf(Locale.ROOT, "%-32s %-12s %-10s %-10s %10s%n", "NAME", "FAMILY", "PARAMS", "QUANT", "SIZE");
                    for (LocalModel model : models) {
                        out().printf(Locale.ROOT, "%-32s %-12s %-10s %-10s %10s%n", model.name(),
                                model.family().orElse("?"), model.parameterSize().orElse("?"),
                                model.quantization().orElse("?"), PullBoard.bytes(model.sizeBytes()));
                    }
                }
                return Cli.OK;
            }
        }


        private static Map<String, Object> json(LocalModel model) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", model.name());
            json.put("family", model.family().orElse(null));
            json.put("parameterSize", model.parameterSize().orElse(null));
            json.put("quantization", model.quantization().orElse(null));
            json.put("sizeBytes", model.sizeBytes());
            json.put("digest", model.digest());
            json.put("modifiedAt", model.modifiedAt().map(Object::toString).orElse(null));
            return json;
        }
    }

    @Command(name = "pull", description = "Download a model; progress per layer goes to stderr.")
    static final class Pull extends Verb implements Callable<Integer> {
        private static final Duration PRINT_EVERY = Duration.ofMillis(500);

        @Parameters(paramLabel = "<name>", description = "A model name, e.g. llama3.2 or qwen2.5:0.5b.")
        String name;

        @Mixin
        ProviderOptions providers = new ProviderOptions();

        @Override
        public Integer call() throws ModelServerException, InterruptedException {
            try (Workbench workbench = openWorkbench()) {
                refuseHosted(workbench);
                ModelGateway gateway = gateway(workbench, providers);
                PullBoard board = new PullBoard();
                long[] lastPrint = {0};
                String[] lastStatus = {""};
                PullCall call = gateway.pull(name, progress -> {
                    board.accept(progress);
                    long now = System.nanoTime();
                    boolean newStatus = !progress.status().equals(lastStatus[0]) && progress.digest().isEmpty();
                    if (newStatus || now - lastPrint[0] > PRINT_EVERY.toNanos()) {
                        lastPrint[0] = now;
                        lastStatus[0] = progress.status();
                        err().println(line(board));
                    }
                });
                Thread hook = new Thread(call::cancel, "cancel-pull");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    call.done().get();
                } catch (CancellationException e) {
                    throw new CommandFailure("The pull of '" + name + "' was cancelled.", Cli.FAILED);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ModelServerException server) {
                        throw server;
                    }
                    throw new CommandFailure("The pull of '" + name + "' failed: " + e.getCause().getMessage(), Cli.FAILED);
                } finally {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
                err().println(line(board));
                out().println("Pulled " + name + ".");
                return Cli.OK;
            }
        }

        /** Only an Ollama server downloads models; a hosted provider's are there to use. */
        private void refuseHosted(Workbench workbench) {
            if (!providers.given()) {
                return;
            }
            ResolvedProvider provider;
            try {
                provider = workbench.providers().resolve(providers.choice());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
            if (provider.kind() != ProviderKind.OLLAMA) {
                throw new CommandFailure(provider.name() + " serves its own models; nothing to pull — use `workbench "
                        + "models list --provider " + provider.name() + "` to see them.", Cli.USAGE);
            }
        }

        private static String line(PullBoard board) {
            StringBuilder text = new StringBuilder(board.status());
            board.fraction().ifPresent(f -> text.append(String.format(Locale.ROOT, "  %3.0f%%", f * 100)));
            for (PullBoard.Layer layer : board.layers()) {
                text.append(String.format(Locale.ROOT, "%n  %s  %s / %s", layer.digest().replace("sha256:", "").substring(0,
                        Math.min(12, layer.digest().replace("sha256:", "").length())), PullBoard.bytes(layer.completed()),
                        PullBoard.bytes(layer.total())));
            }
            return text.toString();
        }
    }

    @Command(name = "show", description = "A model's template, parameters and capabilities; with --provider, what "
            + "that provider says of the model (OpenAI's and Anthropic's /v1/models/{id}).")
    static final class Show extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<name>")
        String name;

        @Mixin
        ProviderOptions providers = new ProviderOptions();

        @Override
        public Integer call() throws ModelServerException {
            try (Workbench workbench = openWorkbench()) {
                ModelDetails details = gateway(workbench, providers).show(name);
                out().println(name);
                details.details().forEach((key, value) -> out().printf(Locale.ROOT, "  %-16s %s%n", key, value));
                out().println("  capabilities     " + (details.capabilities().isEmpty() ? "(not reported)"
                        : String.join(", ", details.capabilities())));
                if (!details.parameters().isBlank()) {
                    out().println("\nParameters:\n" + details.parameters().strip());
                }
                if (!details.template().isBlank()) {
                    out().println("\nTemplate:\n" + details.template().strip());
                }
                return Cli.OK;
            }
        }
    }
}
