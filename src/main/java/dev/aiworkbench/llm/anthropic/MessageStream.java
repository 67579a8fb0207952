package dev.aiworkbench.llm.anthropic;

import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.StreamTimeouts;
import dev.aiworkbench.llm.TokenListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One streamed answer from {@code POST /v1/messages}, read event by event as the lines arrive, on the HTTP client's
 * own I/O thread (as the Ollama path does; see {@code OllamaGateway}). A refusal that may pass (429, 529, a 5xx, or
 * an overload {@code error} event) is sent again after the wait the server asked for, but only while none of the
 * answer has reached the listener. Cancelling drops the subscription, which closes the connection, so the server
 * stops generating; a pending retry is dropped with it.
 */
final class MessageStream implements GenerationCall {
    private static final Executor DEPENDENTS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("anthropic-result-", 0).factory());
    /** Error event types that say the server could not start, not that the request is wrong. */
    private static final Set<String> PASSING_ERRORS = Set.of("overloaded_error", "api_error", "rate_limit_error",
            "timeout_error");
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    /** Everything a stream needs from its gateway. */
    record Wiring(HttpClient client, AnthropicSettings settings, AnthropicErrors errors, RetryTimer timer) {
    }

    /** Runs a retry after a wait; the gateway's timer, or a test's that only records the wait. */
    @FunctionalInterface
    interface RetryTimer {
        Future<?> after(Duration wait, Runnable retry);
    }

    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
    private final CompletableFuture<GenerationResult> published = new CompletableFuture<>();
    private final Wiring wiring;
    private final HttpRequest request;
    private final String model;
    private final StreamedAnswer answer;
    private volatile Attempt current;
    private volatile Future<?> pendingRetry;
    private volatile int retries; // only changed by the attempt that settles, one at a time

    MessageStream(Wiring wiring, HttpRequest request, String model, TokenListener listener) {
        this.wiring = wiring;
        this.request = request;
        this.model = model;
        this.answer = new StreamedAnswer(model, listener, System.nanoTime());
        // Dependents of the published result run on a virtual thread, never on the client's I/O thread, so one
        // that blocks (a database write, another call) cannot hold up every other stream of the client.
        result.whenComplete((value, failure) -> DEPENDENTS.execute(() -> {
            if (failure == null) {
                published.complete(value);
            } else {
                published.completeExceptionally(failure);
            }
        }));
    }

    void start(StreamTimeouts<MessageStream> watchdog) {
        watchdog.watch(this);
        result.whenComplete((value, failure) -> watchdog.forget(this));
        send();
    }

    private void send() {
        if (result.isDone()) {
            return;
        }
        Attempt attempt = new Attempt();
        current = attempt;
        attempt.exchange = wiring.client().sendAsync(request, attempt::bodyFor).whenComplete((response, failure) -> {
            if (failure != null && current == attempt && !result.isDone()) {
                fail(wiring.errors().transport(failure, wiring.settings().firstTokenTimeout(), "answer"));
            }
        });
    }

    /** Sends the request again after the wait, or fails with {@code otherwise} when no retry is left. */
    private void retryOrFail(HttpHeaders headers, ModelServerException otherwise) {
        Optional<Duration> wait = answer.started() ? Optional.empty()
                : wiring.settings().retry().waitBefore(retries + 1, headers, Instant.now());
        if (wait.isEmpty()) {
            fail(otherwise);
            return;
        }
        retries++;
        current = null;
        pendingRetry = wiring.timer().after(wait.get(), this::send);
        if (result.isDone()) {
            pendingRetry.cancel(false);
        }
    }

    void fail(ModelServerException failure) {
        if (result.completeExceptionally(failure)) {
            stop();
        }
    }

    @Override
    public void cancel() {
        result.complete(answer.cancelled());
        stop();
    }

    private void stop() {
        Future<?> retry = pendingRetry;
        if (retry != null) {
            retry.cancel(false);
        }
        Attempt attempt = current;
        if (attempt != null) {
            attempt.close();
        }
    }

    /** Fails the stream when its first event, or the next one, is overdue; the watchdog calls it. */
    void checkTimeouts() {
        Attempt attempt = current;
        if (result.isDone() || attempt == null) {
            return;
        }
        long now = System.nanoTime();
        AnthropicSettings settings = wiring.settings();
        if (!attempt.anyLine && now - attempt.sentNanos > settings.firstTokenTimeout().toNanos()) {
            fail(wiring.errors().timeout(settings.firstTokenTimeout(), "answer"));
        } else if (attempt.anyLine && now - attempt.lastLineNanos > settings.idleTimeout().toNanos()) {
            fail(answer.started() ? stalled(settings.idleTimeout())
                    : wiring.errors().timeout(settings.idleTimeout(), "answer"));
        }
    }

    private GenerationFailedException stalled(Duration idle) {
        return new GenerationFailedException("Anthropic sent nothing more for " + AnthropicErrors.seconds(idle)
                + ", so the answer was stopped. The part of the answer that arrived is kept; run it again for the"
                + " rest.", null, answer.partialText(), null);
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
            if (e.getCause() instanceof ModelServerException server) {
                throw server;
            }
            throw wiring.errors().transport(e.getCause(), timeout, "answer");
        }
    }

    /** One sending of the request and the reading of its answer. */
    private final class Attempt implements Flow.Subscriber<String> {
        private final long sentNanos = System.nanoTime();
        private final ServerSentEvents events = new ServerSentEvents();
        private volatile CompletableFuture<?> exchange;
        private volatile Flow.Subscription subscription;
        private volatile long lastLineNanos;
        private volatile boolean anyLine;

        /** A refusal comes as one JSON body with its status; the answer comes as event lines. */
        private HttpResponse.BodySubscriber<Void> bodyFor(HttpResponse.ResponseInfo info) {
            if (info.statusCode() >= 400) {
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                            refused(info.statusCode(), info.headers(), body);
                            return null;
                        });
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(this, subscriber -> null, StandardCharsets.UTF_8,
                    null);
        }

        private void refused(int status, HttpHeaders headers, String body) {
            if (result.isDone() || current != this) {
                return;
            }
            ModelServerException error = wiring.errors().status(status, body, model, retries,
                    RetryPolicy.serverWait(headers, Instant.now()));
            if (RetryPolicy.retryable(status, headers)) {
                retryOrFail(headers, error);
            } else {
                fail(error);
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (result.isDone() || current != this) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (result.isDone() || current != this) {
                return;
            }
            lastLineNanos = System.nanoTime();
            anyLine = true;
            try {
                events.line(line).ifPresent(this::handle);
            } catch (RuntimeException e) { // an event that is not JSON, or a listener that threw
                fail(wiring.errors().dropped(answer.partialText(), e));
            }
        }

        private void handle(ServerSentEvents.Event event) {
            StreamedAnswer.Step step;
            try {
                step = answer.accept(event);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            switch (step) {
                case FINISHED -> result.complete(answer.finished());
                case FAILED -> {
                    AnthropicWire.ServerError error = answer.error();
                    GenerationFailedException failure = wiring.errors().failedMidStream(error, answer.partialText());
                    if (PASSING_ERRORS.contains(error.type())) {
                        // the retry is arranged first, so closing this attempt is not taken for a broken stream
                        retryOrFail(NO_HEADERS, failure);
                        close();
                    } else {
                        fail(failure);
                    }
                }
                case MORE -> {
                    // the answer goes on
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (!result.isDone() && current == this) {
                fail(wiring.errors().dropped(answer.partialText(), failure));
            }
        }

        @Override
        public void onComplete() {
            if (!result.isDone() && current == this) {
                fail(wiring.errors().dropped(answer.partialText(), null));
            }
        }

        /** Closes the connection: the server sees the client go and stops generating. */
        void close() {
            Flow.Subscription open = subscription;
            if (open != null) {
                open.cancel();
            } else if (exchange != null) {
                exchange.cancel(true);
            }
        }
    }
}
