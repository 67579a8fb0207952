package dev.aiworkbench.testing;

import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.llm.PullListener;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.llm.Usage;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An in-memory model that streams scripted answers, one per call in order, on a thread of its own as a real gateway
 * does, and keeps every request it was sent. For tests of what callers do with streamed tool calls, whatever the
 * provider; the wire formats are the fake servers' business.
 */
public final class ScriptedGateway implements ModelGateway {
    public static final String MODEL = "scripted-model:latest";

    private final Deque<ScriptedAnswer> answers = new ArrayDeque<>();
    private final List<GenerationRequest> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Queues the answer to the next call. */
    public synchronized ScriptedGateway then(ScriptedAnswer answer) {
        answers.add(answer);
        return this;
    }

    /** Every request sent, in order. */
    public List<GenerationRequest> requests() {
        return List.copyOf(requests);
    }

    /** Waits until an answer reached its hold point. */
    public boolean awaitHolding(Duration timeout) throws InterruptedException {
        return holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a held answer go on. */
    public void release() {
        released.countDown();
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        requests.add(request);
        ScriptedAnswer answer;
        synchronized (this) {
            answer = answers.poll();
        }
        CompletableFuture<GenerationResult> result = new CompletableFuture<>();
        CountDownLatch cancelled = new CountDownLatch(1);
        if (answer == null) {
            result.completeExceptionally(new ModelServerException(ModelServerException.Kind.SERVER_ERROR,
                    "the script has no answer for call " + requests.size(), null, null));
        } else {
            Thread.ofPlatform().daemon().name("scripted-gateway").start(() -> play(answer, request, listener, result,
                    cancelled));
        }
        return new GenerationCall() {
            @Override
            public CompletableFuture<GenerationResult> result() {
                return result;
            }

            @Override
            public GenerationResult await(Duration timeout) throws ModelServerException, InterruptedException,
                    TimeoutException {
                try {
                    return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw (ModelServerException) e.getCause();
                }
            }

            @Override
            public void cancel() {
                cancelled.countDown();
            }
        };
    }

    private void play(ScriptedAnswer answer, GenerationRequest request, TokenListener listener,
                      CompletableFuture<GenerationResult> result, CountDownLatch cancelled) {
        long started = System.nanoTime();
        StringBuilder text = new StringBuilder();
        int sent = 0;
        try {
            for (Object piece : answer.pieces) {
                if (!goOn(answer, sent, cancelled)) {
                    result.complete(stopped(request, text, started));
                    return;
                }
                if (piece instanceof String token) {
                    text.append(token);
                    listener.onToken(token);
                } else {
                    listener.onToolCall((ToolCallDelta) piece);
                }
                sent++;
            }
            if (!goOn(answer, sent, cancelled)) {
                result.complete(stopped(request, text, started));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Usage usage = new Usage(OptionalInt.of(answer.promptTokens), OptionalInt.of(answer.outputTokens),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(100_000_000L));
        result.complete(new GenerationResult(answer.text.toString(), null, request.model(),
                answer.calls.isEmpty() ? "stop" : "tool_calls", usage, Optional.of(Duration.ofMillis(3)),
                Duration.ofNanos(System.nanoTime() - started), answer.calls));
    }

    /** Holds at the answer's hold point until released (true) or cancelled (false). */
    private boolean goOn(ScriptedAnswer answer, int sent, CountDownLatch cancelled) throws InterruptedException {
        if (sent != answer.holdAfter) {
            return true;
        }
        holding.countDown();
        while (!released.await(5, TimeUnit.MILLISECONDS)) {
            if (cancelled.getCount() == 0) {
                return false;
            }
        }
        return true;
    }

    /** What a real gateway gives when the learner stops: the text so far, no whole calls. */
    private static GenerationResult stopped(GenerationRequest request, StringBuilder text, long started) {
        return new GenerationResult(text.toString(), null, request.model(), GenerationResult.CANCELLED, Usage.UNKNOWN,
                Optional.of(Duration.ofMillis(1)), Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public URI baseUri() {
        return URI.create("scripted://model");
    }

    @Override
    public String version() {
        return "scripted";
    }

    @Override
    public List<LocalModel> listModels() {
        return List.of(new LocalModel(MODEL, Optional.empty(), Optional.empty(), Optional.empty(), 0, "sha256:0",
                Optional.empty()));
    }

    @Override
    public ModelDetails show(String model) throws ModelServerException {
        throw new ModelServerException(ModelServerException.Kind.MODEL_NOT_FOUND, "a scripted model has no details",
                null, null);
    }

    @Override
    public void delete(String model) {
    }

    @Override
    public PullCall pull(String model, PullListener listener) {
        throw new UnsupportedOperationException("a scripted model is never pulled");
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        try {
            return stream(request, delta -> { }).await(Duration.ofSeconds(10));
        } catch (InterruptedException | TimeoutException e) {
            throw new ModelServerException(ModelServerException.Kind.SERVER_ERROR, "the script did not answer", null, e);
        }
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) {
        throw new UnsupportedOperationException("a scripted model does not embed");
    }

    @Override
    public void close() {
    }
}
