package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallDelta;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs a prompt on a model and keeps the run: renders the template (bad input is refused before
 * anything is sent), streams the answer to the caller, and records the outcome with its figures and
 * cost, whether it finished, was stopped or failed. The app's playground and {@code workbench prompt
 * run} both go through here.
 */
public final class Playground {
    private final String provider;
    private final Supplier<ModelGateway> gateway;
    private final RunHistory history;
    private final PriceTable prices;

    /** The playground on the local Ollama server. */
    public Playground(Supplier<ModelGateway> gateway, RunHistory history, PriceTable prices) {
        this(ProviderKind.OLLAMA.id(), gateway, history, prices);
    }

    /** @param provider the name of the provider the gateway speaks to, kept with each run */
    public Playground(String provider, Supplier<ModelGateway> gateway, RunHistory history, PriceTable prices) {
        this.provider = provider;
        this.gateway = gateway;
        this.history = history;
        this.prices = prices;
    }

    /**
     * Starts a run.
     *
     * @param priceName the price row for the cost, or null for none
     * @throws TemplateException        a variable is missing or unknown (nothing is sent)
     * @throws IllegalArgumentException the price row does not exist
     */
    public PlaygroundCall start(RunSetup setup, String priceName, TokenListener listener) {
        return start(setup, List.of(), priceName, listener);
    }

    /**
     * Carries a conversation on: the setup's request followed by the turns since (the model's tool calls and their
     * results). Each turn is a call of its own, kept as a run of its own with its figures.
     *
     * @param earlierTurns the turns after the rendered prompt, in order; empty for a first turn
     */
    public PlaygroundCall start(RunSetup setup, List<ChatMessage> earlierTurns, String priceName,
                                TokenListener listener) {
        GenerationRequest request = setup.toRequest().followedBy(earlierTurns);
        PriceRow price = priceName == null ? null : prices.row(priceName);
        long started = System.nanoTime();
        FirstToken firstToken = new FirstToken(listener, started);
        String runKey = UUID.randomUUID().toString();
        CallTag tag = (setup.prompt() == null ? CallTag.NONE : CallTag.prompt(setup.prompt().name(),
                setup.prompt().version())).with(CallTag.playgroundRun(runKey));
        GenerationCall call = gateway.get().tagged(tag).stream(request, firstToken);
        CompletableFuture<PlaygroundResult> result = call.result().handle((answer, failure) -> {
            if (failure == null) {
                return new PlaygroundResult(history.record(provider, setup, RunOutcome.of(answer), price, runKey),
                        Optional.empty());
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            ModelServerException server = cause instanceof ModelServerException known ? known
                    : new ModelServerException(ModelServerException.Kind.SERVER_ERROR, "The run failed: " + cause, null, cause);
            RunOutcome outcome = RunOutcome.failed(server, firstToken.thinking(), firstToken.elapsed(),
                    Duration.ofNanos(System.nanoTime() - started));
            return new PlaygroundResult(history.record(provider, setup, outcome, price, runKey), Optional.of(server));
        });
        return new PlaygroundCall() {
            @Override
            public CompletableFuture<PlaygroundResult> result() {
                return result;
            }

            @Override
            public void cancel() {
                call.cancel();
            }
        };
    }

    /** Passes tokens on and notes when the first arrived, so a failed run still has its time to first token. */
    private static final class FirstToken implements TokenListener {
        private final TokenListener listener;
        private final long started;
        private final StringBuilder thinking = new StringBuilder();
        private volatile Duration firstToken;

        FirstToken(TokenListener listener, long started) {
            this.listener = listener;
            this.started = started;
        }

        @Override
        public void onToken(String delta) {
            mark();
            listener.onToken(delta);
        }

        @Override
        public void onThinking(String delta) {
            mark();
            synchronized (thinking) {
                thinking.append(delta);
            }
            listener.onThinking(delta);
        }

        @Override
        public void onToolCall(ToolCallDelta delta) {
            mark();
            listener.onToolCall(delta);
        }

        private void mark() {
            if (firstToken == null) {
                firstToken = Duration.ofNanos(System.nanoTime() - started);
            }
        }

        Duration elapsed() {
            return firstToken;
        }

        String thinking() {
            synchronized (thinking) {
                return thinking.isEmpty() ? null : thinking.toString();
            }
        }
    }
}
