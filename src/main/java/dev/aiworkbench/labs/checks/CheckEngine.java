package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.llm.OnDemandHttpClient;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a lab's checks. Each check gets its timeout (60 s unless the lab sets one): the kinds enforce it themselves
 * (an HTTP call is cancelled, a command is killed with its process tree, an eval run is cancelled) and the engine
 * stops waiting shortly after it in any case, so a check never hangs. A check whose service is not running is an
 * error that names the service to start. Results are pass (the learner's work does what the step asks), fail (it
 * does not yet: the message says what was expected, what was found and, from the lab's hint when it has one, what
 * to do) or error (the check could not be evaluated: the message says why and what to do).
 *
 * <p>Blocking: call it off the FX thread. Thread-safe; one engine serves any number of checks at once.
 */
public final class CheckEngine implements AutoCloseable {
    /** How long after a check's timeout the engine gives up waiting for it (its own timeout fires first). */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final Duration grace;
    private final OnDemandHttpClient http;
    private final ExecutorService workers;
    private final HttpCheck httpCheck;
    private final QdrantCheck qdrantCheck;
    private final OllamaCheck ollamaCheck = new OllamaCheck();
    private final FileCheck fileCheck = new FileCheck();
    private final CommandCheck commandCheck = new CommandCheck();
    private final EvalCheck evalCheck = new EvalCheck();
    private final ToolChoiceCheck toolChoiceCheck = new ToolChoiceCheck();

    public CheckEngine() {
        this(GRACE);
    }

    /** @param grace how long after a check's timeout to stop waiting for a check that ignores it */
    CheckEngine(Duration grace) {
        this(grace, () -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** @param httpClients makes the client of the HTTP and Qdrant checks, on the first of them */
    CheckEngine(Duration grace, Supplier<HttpClient> httpClients) {
        this.grace = grace;
        this.http = new OnDemandHttpClient(httpClients);
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("lab-check-", 0).factory());
        this.httpCheck = new HttpCheck(http);
        this.qdrantCheck = new QdrantCheck(http);
    }

    /** Runs one check and says what it found; never throws for anything the check meets. */
    public CheckResult run(CheckSpec spec, CheckContext context) {
        Instant at = context.clock().instant();
        Duration timeout = spec.timeout() == null || spec.timeout().isZero() || spec.timeout().isNegative()
                ? CheckSpec.DEFAULT_TIMEOUT : spec.timeout();
        Deadline deadline = Deadline.start(timeout);
        Outcome outcome = missingService(spec, context).orElseGet(() -> watch(spec, context, deadline));
        return new CheckResult(spec.id(), outcome.status(), outcome.message(spec.hint()), deadline.elapsed(), at);
    }

    /** Runs the checks one after another, in order. */
    public List<CheckResult> runAll(List<? extends CheckSpec> specs, CheckContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (CheckSpec spec : specs) {
            results.add(run(spec, context));
        }
        return results;
    }

    /** An error when the check needs a service that has no endpoint. */
    static Optional<Outcome> missingService(CheckSpec spec, CheckContext context) {
        ServiceType needed;
        try {
            needed = spec.needs();
        } catch (RuntimeException e) {
            return Optional.of(Outcome.error("The check is incomplete (" + e + ")",
                    "This is a mistake in the lab: complete the check in lab.yaml."));
        }
        if (needed == null || context.endpoints().running(needed)) {
            return Optional.empty();
        }
        return Optional.of(Outcome.error("This check needs the " + needed.id() + " service, which is not running",
                Placeholders.startService(needed)));
    }

    private Outcome watch(CheckSpec spec, CheckContext context, Deadline deadline) {
        Future<Outcome> future = workers.submit(() -> evaluate(spec, context, deadline));
        try {
            return future.get(deadline.remaining().plus(grace).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Outcome.error("The check did not finish within " + Text.seconds(deadline.timeout())
                    + " and was stopped", "Check that the services it uses answer, then run the check again.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.error("The check was cancelled before it finished", "Run the check again.");
        } catch (CancellationException e) {
            return Outcome.error("The check was cancelled before it finished", "Run the check again.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Outcome.error("The check could not be run (" + cause + ")",
                    "This looks like a bug in the lab or the workbench: report it with the lab's id and this message.");
        }
    }

    private Outcome evaluate(CheckSpec spec, CheckContext context, Deadline deadline) throws InterruptedException {
        return switch (spec) {
            case CheckSpec.Http s -> httpCheck.evaluate(s, context, deadline);
            case CheckSpec.Qdrant s -> qdrantCheck.evaluate(s, context, deadline);
            case CheckSpec.Ollama s -> ollamaCheck.evaluate(s, context, deadline);
            case CheckSpec.File s -> fileCheck.evaluate(s, context, deadline);
            case CheckSpec.Command s -> commandCheck.evaluate(s, context, deadline);
            case CheckSpec.Eval s -> evalCheck.evaluate(s, context, deadline);
            case CheckSpec.ToolChoice s -> toolChoiceCheck.evaluate(s, context, deadline);
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
        http.shutdownNow();
    }
}
