package dev.aiworkbench.observability;

import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.Usage;

import java.time.Instant;
import java.util.Locale;

/** How a generation ended, with its timings: the gateway's own when it has them, else the timer's. */
record CallEnd(Instant startedAt, Usage usage, Double ttftMs, double totalMs, CallOutcome outcome, String errorKind) {

    static CallEnd of(CallTimer timer, GenerationResult result) {
        Double ttft = result.timeToFirstToken().map(d -> d.toNanos() / 1e6).orElse(timer.firstTokenMs());
        double total = result.total() != null ? result.total().toNanos() / 1e6 : timer.elapsedMs();
        return new CallEnd(timer.startedAt(), result.usage(), ttft, total,
                result.cancelled() ? CallOutcome.CANCELLED : CallOutcome.OK, null);
    }

    static CallEnd failed(CallTimer timer, Throwable failure) {
        return new CallEnd(timer.startedAt(), Usage.UNKNOWN, timer.firstTokenMs(), timer.elapsedMs(), CallOutcome.ERROR,
                errorKind(failure));
    }

    /** The error's kind in lower case ({@code timeout}, {@code server_error}, …), or {@code other}. */
    static String errorKind(Throwable failure) {
        return failure instanceof ModelServerException server ? server.kind().name().toLowerCase(Locale.ROOT) : "other";
    }

    /** A call its caller gave up waiting for and then stopped: an error of kind timeout, not a learner's cancel. */
    CallEnd timedOut() {
        return outcome == CallOutcome.CANCELLED ? new CallEnd(startedAt, usage, ttftMs, totalMs, CallOutcome.ERROR,
                "timeout") : this;
    }
}
