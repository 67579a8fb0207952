package dev.aiworkbench.llm.anthropic;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.llm.TransportFailures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns what went wrong on the wire into sentences that say what to do next. Whatever the server said passes
 * through {@link ApiKey#scrub} first, so a proxy that echoes the request's headers cannot put the key in a message.
 */
final class AnthropicErrors {
    private final URI baseUri;
    private final ApiKey key;

    AnthropicErrors(URI baseUri, ApiKey key) {
        this.baseUri = baseUri;
        this.key = key;
    }

    ModelServerException unreachable(Throwable cause) {
        return new ModelServerException(Kind.UNREACHABLE, "The Anthropic API does not answer at " + baseUri
                + " — check the network (and any proxy), and the base URL in Settings or ANTHROPIC_BASE_URL.", null,
                cause);
    }

    ModelServerException timeout(Duration waited, String what) {
        return new ModelServerException(Kind.TIMEOUT, "Anthropic at " + baseUri + " gave no " + what + " within "
                + seconds(waited) + ". Try again, or allow more time.", null, null);
    }

    /**
     * An error answered with a status code before any of the answer was sent.
     *
     * @param model   the model the call was about; null for calls about none (a 404 is then a wrong base URL)
     * @param retries how many times the request had been sent again before this answer
     * @param wait    how long the server asked to wait before trying again, when it said
     */
    ModelServerException status(int status, String body, String model, int retries, Optional<Duration> wait) {
        AnthropicWire.ServerError error = AnthropicWire.ServerError.of(body);
        String text = key.scrub(error.message());
        String said = " (HTTP " + status + ": " + text + ")";
        String after = retries == 0 ? "" : ", also after " + retries + (retries == 1 ? " retry" : " retries");
        String type = error.type() == null ? "" : error.type();
        if (type.equals("authentication_error") || (type.isEmpty() && status == 401)) {
            return new ModelServerException(Kind.KEY_REJECTED, "Anthropic rejected the API key" + said
                    + " — check ANTHROPIC_API_KEY or the key in Settings, or create a new key in the Anthropic Console.",
                    text, null);
        }
        if (type.equals("permission_error") || (type.isEmpty() && status == 403)) {
            return new ModelServerException(Kind.KEY_REJECTED, "Anthropic does not allow this API key to do that"
                    + said + " — check the key's workspace and model access in the Anthropic Console, or use another"
                    + " key.", text, null);
        }
        if (type.equals("billing_error") || (type.isEmpty() && status == 402)) {
            return new ModelServerException(Kind.KEY_REJECTED, "Anthropic refused the API key's account for billing"
                    + said + " — check the billing of the key's organisation in the Anthropic Console, or use another"
                    + " key.", text, null);
        }
        if ((type.equals("not_found_error") || status == 404) && model != null) {
            return new ModelServerException(Kind.MODEL_NOT_FOUND, "Anthropic has no model '" + model + "'" + said
                    + " — list the models it serves with `workbench models list --provider anthropic` and use one of"
                    + " those ids.", text, null);
        }
        if (type.equals("not_found_error") || status == 404) {
            return new ModelServerException(Kind.SERVER_ERROR, "The server at " + baseUri + " does not know this"
                    + " Anthropic API call" + said + " — check that the base URL (Settings or ANTHROPIC_BASE_URL) is"
                    + " the API's root, without /v1.", text, null);
        }
        if (type.equals("rate_limit_error") || status == 429) {
            return new ModelServerException(Kind.BUSY, "Anthropic's rate limit for this key was reached" + said + after
                    + " — wait " + wait.map(AnthropicErrors::seconds).orElse("a minute") + " and try again, or run"
                    + " evals with less concurrency.", text, null);
        }
        if (type.equals("overloaded_error") || status == 529 || status == 503) {
            return new ModelServerException(Kind.BUSY, "Anthropic is overloaded" + said + after
                    + " — try again in a few minutes.", text, null);
        }
        if (type.equals("timeout_error") || status == 504) {
            return new ModelServerException(Kind.TIMEOUT, "Anthropic timed out on the request" + said + after
                    + " — try again, or ask for fewer tokens.", text, null);
        }
        if (type.equals("invalid_request_error") || type.equals("request_too_large") || (status >= 400 && status < 500)) {
            return new ModelServerException(Kind.BAD_REQUEST, "Anthropic refused the request" + said
                    + " — change what it names (an option's range, the prompt's size) and run it again.", text, null);
        }
        return new ModelServerException(Kind.SERVER_ERROR, "Anthropic failed" + said + after
                + " — try again in a moment; if it keeps failing, check Anthropic's status page.", text, null);
    }

    /** An answer whose body is not what the API sends for that call. */
    ModelServerException unreadable(String path, IOException cause) {
        return new ModelServerException(Kind.SERVER_ERROR, "The server at " + baseUri + " answered " + path
                + " with something the workbench cannot read — check that the base URL is the Anthropic API's.", null,
                cause);
    }

    /** The server sent an {@code error} event after the answer had begun. */
    GenerationFailedException failedMidStream(AnthropicWire.ServerError error, String partial) {
        String text = key.scrub(error.message());
        String kind = error.type() == null ? "" : error.type() + ": ";
        return new GenerationFailedException("Anthropic stopped the answer with an error (" + kind + text
                + "). The part of the answer that arrived is kept; run it again for the rest.", text, partial, null);
    }

    GenerationFailedException dropped(String partial, Throwable cause) {
        return new GenerationFailedException("The connection to Anthropic at " + baseUri + " closed before the answer"
                + " finished. The part of the answer that arrived is kept; run it again for the rest.", null, partial,
                cause);
    }

    ModelServerException noKey() {
        return new ModelServerException(Kind.KEY_REJECTED, "No Anthropic API key is set — set ANTHROPIC_API_KEY or"
                + " add the key in Settings.", null, null);
    }

    ModelServerException malformedKey() {
        return new ModelServerException(Kind.KEY_REJECTED, "The Anthropic API key has characters no key has (a line"
                + " break or a space?) — paste the key again into Settings or ANTHROPIC_API_KEY.", null, null);
    }

    ModelServerException unsupported(String sentence) {
        return new ModelServerException(Kind.BAD_REQUEST, sentence, null, null);
    }

    /** A failure of the transport itself: refused, unresolvable, timed out, or broken. */
    ModelServerException transport(Throwable failure, Duration timeout, String what) {
        Throwable cause = TransportFailures.unwrap(failure);
        if (cause instanceof ModelServerException known) {
            return known;
        }
        if (TransportFailures.unreachable(cause)) {
            return unreachable(cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(timeout, what);
        }
        return new ModelServerException(Kind.UNREACHABLE, "The connection to Anthropic at " + baseUri + " broke before"
                + " an answer came — check the network and the base URL, then try again.", null, cause);
    }


    static String seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 1 ? seconds + " s" : duration.toMillis() + " ms";
    }
}
