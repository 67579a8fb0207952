package dev.aiworkbench.llm.openai;

import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.StreamTimeouts;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallAssembler;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.llm.openai.OpenAiAnswers.Piece;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One streamed chat completion, read event by event as the lines arrive, in the shape of the Ollama gateway's
 * exchanges: nothing blocks a thread while waiting, the JDK client pushes lines on its own I/O thread (where the
 * listener runs), a ticker enforces the first-line and between-lines timeouts, and cancelling drops the subscription,
 * which closes the connection so the server stops generating. A 429 or 5xx is sent again after the delay the server
 * asks for, a bounded number of times; once the answer has begun nothing is sent again. What callers attach to
 * {@link #result()} runs on a virtual thread, never the client's.
 */
final class ChatExchange implements GenerationCall, Flow.Subscriber<String> {
    private static final Executor DEPENDENTS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("openai-result-", 0).factory());
    private static final String DONE = "[DONE]";

    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
    private final CompletableFuture<GenerationResult> published = new CompletableFuture<>();
    private final OpenAiSettings settings;
    private final OpenAiErrors errors;
    private final String model;
    private final TokenListener listener;
    private final ServerSentEvents events = new ServerSentEvents();
    private final long startNanos = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final ToolCallAssembler toolCalls = new ToolCallAssembler();
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<?> send;
    private volatile long attemptNanos;
    private volatile long lastLineNanos;
    private volatile boolean anyLine;
    private volatile boolean waitingToRetry;
    private volatile Duration firstToken;
    private volatile int tries;
    private HttpClient client;
    private HttpRequest request;
    private ScheduledExecutorService timer;
    private Clock clock;
    private String finishReason;
    private String answeredBy;
    private Usage usage = Usage.UNKNOWN;

    ChatExchange(OpenAiSettings settings, OpenAiErrors errors, String model, TokenListener listener) {
        this.settings = settings;
        this.errors = errors;
        this.model = model;
        this.listener = listener;
        result.whenComplete((value, failure) -> DEPENDENTS.execute(() -> {
            if (failure == null) {
                published.complete(value);
            } else {
                published.completeExceptionally(failure);
            }
        }));
    }

    void start(HttpClient client, HttpRequest request, StreamTimeouts<ChatExchange> ticker, ScheduledExecutorService timer,
               Clock clock) {
        this.client = client;
        this.request = request;
        this.timer = timer;
        this.clock = clock;
        ticker.watch(this);
        result.whenComplete((value, failure) -> ticker.forget(this));
        attempt();
    }

    private void attempt() {
        tries++;
        attemptNanos = System.nanoTime();
        waitingToRetry = false;
        send = client.sendAsync(request, this::bodyFor)
                .whenComplete((response, failure) -> {
                    if (failure != null && !result.isDone()) {
                        fail(errors.transport(failure, settings.firstTokenTimeout(), "answer"));
                    }
                });
    }

    /** Whether the refused attempt is sent again; schedules it when so. */
    private boolean retried(HttpResponse.ResponseInfo info, String body) {
        if (!RetryDelay.mayPass(info.statusCode(), body) || tries > settings.maxRetries() || result.isDone()) {
            return false;
        }
        Duration delay = RetryDelay.before(tries, info.headers(), clock);
        if (delay.compareTo(settings.longestRetryWait()) > 0) {
            return false;
        }
        waitingToRetry = true;
        timer.schedule(() -> {
            if (!result.isDone()) {
                attempt();
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
        return true;
    }

    /** Errors before the stream come as one JSON body with a status; a stream comes as lines. */
    private HttpResponse.BodySubscriber<Void> bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() >= 400) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    body -> {
                        // Read to its end, so the connection stays good for the retry and the next call.
                        if (retried(info, body)) {
                            return null;
                        }
                        result.completeExceptionally(refusal(info.statusCode(), info.headers(), body));
                        return null;
                    });
        }
        return HttpResponse.BodySubscribers.fromLineSubscriber(this, subscriber -> null, StandardCharsets.UTF_8, null);
    }

    private ModelServerException refusal(int status, HttpHeaders headers, String body) {
        Optional<Duration> asked = RetryDelay.asked(headers, clock);
        if ((status == 429 || status >= 500) && asked.isPresent()
                && asked.get().compareTo(settings.longestRetryWait()) > 0) {
            return errors.waitTooLong(status, body, asked.get());
        }
        return errors.status(status, body, model, tries);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(String line) {
        if (result.isDone()) {
            return;
        }
        lastLineNanos = System.nanoTime();
        anyLine = true;
        String data = events.line(line);
        if (data != null) {
            event(data);
        }
    }

    private void event(String data) {
        if (data.strip().equals(DONE)) {
            result.complete(finished(finishReason == null ? "stop" : finishReason, usage));
            return;
        }
        Piece piece;
        try {
            piece = OpenAiAnswers.chunk(data);
        } catch (IOException | RuntimeException e) {
            fail(errors.dropped(partialText(), e));
            return;
        }
        if (piece.error() != null) {
            fail(errors.failedMidStream(piece.error(), partialText()));
            return;
        }
        if (firstToken == null && (!piece.text().isEmpty() || !piece.reasoning().isEmpty()
                || !piece.toolCalls().isEmpty())) {
            firstToken = Duration.ofNanos(System.nanoTime() - startNanos);
        }
        if (!piece.reasoning().isEmpty()) {
            synchronized (this) {
                reasoning.append(piece.reasoning());
            }
            listener.onThinking(piece.reasoning());
        }
        if (!piece.text().isEmpty()) {
            synchronized (this) {
                text.append(piece.text());
            }
            listener.onToken(piece.text());
        }
        for (ToolCallDelta delta : piece.toolCalls()) {
            toolCalls.accept(delta);
            listener.onToolCall(delta);
        }
        synchronized (this) {
            if (piece.finishReason() != null) {
                finishReason = piece.finishReason();
            }
            if (piece.model() != null) {
                answeredBy = piece.model();
            }
            piece.usage().ifPresent(counts -> usage = counts);
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (!result.isDone()) {
            fail(errors.dropped(partialText(), failure));
        }
    }

    /**
     * The body ended. Without {@code [DONE]} the answer is whole only if a finish reason came (some servers end so);
     * otherwise the connection was cut mid-answer.
     */
    @Override
    public void onComplete() {
        String last = events.end();
        if (last != null && !result.isDone()) {
            event(last);
        }
        if (result.isDone()) {
            return;
        }
        String reason;
        Usage counts;
        synchronized (this) {
            reason = finishReason;
            counts = usage;
        }
        if (reason != null) {
            result.complete(finished(reason, counts));
        } else {
            fail(errors.dropped(partialText(), null));
        }
    }

    private synchronized GenerationResult finished(String reason, Usage counts) {
        return new GenerationResult(text.toString(), reasoning.toString(), answeredBy == null ? model : answeredBy,
                reason, counts, Optional.ofNullable(firstToken), Duration.ofNanos(System.nanoTime() - startNanos),
                toolCalls.calls());
    }

    private synchronized String partialText() {
        return text.toString();
    }

    @Override
    public CompletableFuture<GenerationResult> result() {
        return published;
    }

    @Override
    public GenerationResult await(Duration timeout) throws ModelServerException, InterruptedException,
            TimeoutException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw errors.transport(e.getCause(), settings.firstTokenTimeout(), "answer");
        }
    }

    /** Stops reading and closes the connection: the result is settled at once, not when the server notices. */
    @Override
    public void cancel() {
        result.complete(finished(GenerationResult.CANCELLED, Usage.UNKNOWN));
        closeConnection();
    }

    private void fail(Throwable failure) {
        if (result.completeExceptionally(failure)) {
            closeConnection();
        }
    }

    private void closeConnection() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        } else if (send != null) {
            send.cancel(true);
        }
    }

    /** Settles a call that could not be sent at all. */
    void refuse(ModelServerException reason) {
        result.completeExceptionally(reason);
    }

    /** Fails the stream when its first line, or the next one, is overdue; the ticker calls it. */
    void checkTimeouts() {
        if (result.isDone() || waitingToRetry) {
            return;
        }
        long now = System.nanoTime();
        if (!anyLine && now - attemptNanos > settings.firstTokenTimeout().toNanos()) {
            fail(errors.timeout(settings.firstTokenTimeout(), "answer"));
        } else if (anyLine && now - lastLineNanos > settings.idleTimeout().toNanos()) {
            fail(errors.timeout(settings.idleTimeout(), "further output"));
        }
    }
}
