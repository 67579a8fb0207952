package dev.aiworkbench.llm.ollama;

import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.StreamTimeouts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

/**
 * One NDJSON exchange with Ollama (a streamed chat, completion or pull), read line by line as the
 * lines arrive. Nothing blocks a thread while waiting: the JDK client pushes lines, a watchdog
 * enforces the first-line and between-lines timeouts, and cancelling drops the subscription, which
 * closes the connection so the server stops generating.
 *
 * <p>The lines are read and handled on the client's own I/O thread (see {@link OllamaGateway}), so the
 * listeners run there. What callers attach to the result does not: {@link #published()} hands the
 * outcome to a virtual thread first, so a dependent that writes to the database or calls the gateway
 * again cannot hold up, or deadlock, every other exchange of the client.
 */
abstract class StreamingExchange<T> implements Flow.Subscriber<String> {
    private static final Executor DEPENDENTS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ollama-result-", 0).factory());

    protected final CompletableFuture<T> result = new CompletableFuture<>();
    protected final OllamaErrors errors;
    protected final long startNanos = System.nanoTime();
    private final OllamaSettings settings;
    private final String model;
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<?> send;
    private volatile CompletableFuture<T> published;
    private volatile long lastLineNanos;
    private volatile boolean anyLine;

    StreamingExchange(OllamaSettings settings, OllamaErrors errors, String model) {
        this.settings = settings;
        this.errors = errors;
        this.model = model;
    }

    final void start(HttpClient client, HttpRequest request, StreamTimeouts<StreamingExchange<?>> watchdog) {
        watchdog.watch(this);
        result.whenComplete((value, failure) -> watchdog.forget(this));
        send = client.sendAsync(request, this::bodyFor).whenComplete((response, failure) -> {
            if (failure != null && !result.isDone()) {
                fail(errors.transport(failure, settings.firstTokenTimeout(), "answer"));
            }
        });
    }

    /** Errors before the stream come as one JSON body with a status; a stream comes as lines. */
    private HttpResponse.BodySubscriber<Void> bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() >= 400) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    body -> {
                        // The body was read to its end, so the connection stays good for the next call.
                        result.completeExceptionally(errors.status(info.statusCode(), body, model));
                        return null;
                    });
        }
        return HttpResponse.BodySubscribers.fromLineSubscriber(this, subscriber -> null, StandardCharsets.UTF_8, null);
    }

    @Override
    public final void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public final void onNext(String line) {
        if (result.isDone() || line.isBlank()) {
            return;
        }
        lastLineNanos = System.nanoTime();
        anyLine = true;
        try {
            handle(line);
        } catch (IOException | RuntimeException e) {
            fail(errors.dropped(partialText(), e));
        }
    }

    @Override
    public final void onError(Throwable failure) {
        if (!result.isDone()) {
            fail(errors.dropped(partialText(), failure));
        }
    }

    @Override
    public final void onComplete() {
        if (!result.isDone()) {
            fail(errors.dropped(partialText(), null));
        }
    }

    /**
     * The result as callers see it: settled with exactly the value or failure of {@link #result}, on a
     * virtual thread of its own, where its dependents run too.
     */
    protected final CompletableFuture<T> published() {
        CompletableFuture<T> current = published;
        if (current == null) {
            synchronized (this) {
                current = published;
                if (current == null) {
                    CompletableFuture<T> outcome = new CompletableFuture<>();
                    result.whenComplete((value, failure) -> DEPENDENTS.execute(() -> {
                        if (failure == null) {
                            outcome.complete(value);
                        } else {
                            outcome.completeExceptionally(failure);
                        }
                    }));
                    published = outcome;
                    current = outcome;
                }
            }
        }
        return current;
    }

    /**
     * Handles one line of the stream: completes {@link #result} on the last one, and calls
     * {@link #failedByServer} when the line carries the server's error.
     *
     * @throws IOException the line is not JSON
     */
    protected abstract void handle(String line) throws IOException;

    /** The server said why it stopped mid-stream. */
    protected final void failedByServer(String serverText) {
        fail(failedMidStream(serverText));
    }

    /** What has arrived so far, kept when the stream fails. */
    protected abstract String partialText();

    /** The server's mid-stream error, as this exchange reports it. */
    protected abstract ModelServerException failedMidStream(String serverText);

    /** The value the result takes when the caller cancels. */
    protected abstract void completeCancelled();

    /** Stops reading and closes the connection: the result is settled at once, not when the server notices. */
    public final void cancel() {
        completeCancelled();
        closeConnection();
    }

    protected final void fail(Throwable failure) {
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

    /** Fails the exchange when the first line, or the next one, is overdue; the watchdog calls it. */
    void checkTimeouts() {
        if (result.isDone()) {
            return;
        }
        long now = System.nanoTime();
        if (!anyLine && now - startNanos > settings.firstTokenTimeout().toNanos()) {
            fail(errors.timeout(settings.firstTokenTimeout(), "answer", null));
        } else if (anyLine && now - lastLineNanos > settings.idleTimeout().toNanos()) {
            fail(errors.timeout(settings.idleTimeout(), "further output", null));
        }
    }

    protected static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
