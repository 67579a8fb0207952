package dev.aiworkbench.llm.openai;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.llm.TransportFailures;
import dev.aiworkbench.llm.openai.OpenAiAnswers.ServerError;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns what went wrong on the wire into sentences that name the server and the next step. Whatever the server said
 * passes through {@link #redact} first: a proxy may echo the Authorization header, and the key must never reach a
 * message, a log or a report.
 */
final class OpenAiErrors {
    private static final String KEY_FIX = "check OPENAI_API_KEY or Settings > Providers";

    private final OpenAiSettings settings;

    OpenAiErrors(OpenAiSettings settings) {
        this.settings = settings;
    }

    private String base() {
        return settings.baseUri().toString();
    }

    ModelServerException unreachable(Throwable cause) {
        return new ModelServerException(Kind.UNREACHABLE, "Nothing answers at " + base() + " — check the base URL"
                + " (OPENAI_BASE_URL, --base-url or Settings > Providers) and that the server is running.", null,
                cause);
    }

    ModelServerException timeout(Duration waited, String what) {
        return new ModelServerException(Kind.TIMEOUT, "The server at " + base() + " gave no " + what + " within "
                + seconds(waited) + ". Try again, or allow more time.", null, null);
    }

    /** A key that cannot go in a header at all: refused here, before it is sent, without repeating it. */
    ModelServerException unusableKey() {
        return new ModelServerException(Kind.KEY_REJECTED, "The key for " + base() + " contains a space, a line"
                + " break or other characters a key cannot have — copy it again, then " + KEY_FIX + ".", null, null);
    }

    /**
     * An error answered with a status before any of the answer was sent.
     *
     * @param model the model the call was about; null for calls about none (a 404 is then not a missing model)
     * @param tries how many times the request was sent
     */
    ModelServerException status(int status, String body, String model, int tries) {
        ServerError error = OpenAiAnswers.error(redact(body));
        String said = error.text();
        String again = tries > 1 ? " (tried " + tries + " times)" : "";
        if (status == 401) {
            // OpenAI's text repeats part of the key; the sentence says all there is to say without it.
            String code = error.code() == null ? "unauthorized" : error.code();
            return new ModelServerException(Kind.KEY_REJECTED, settings.key().isPresent()
                    ? "The key was refused by " + base() + " (HTTP 401, " + code + ") — " + KEY_FIX + "."
                    : base() + " wants a key and none is set (HTTP 401) — set OPENAI_API_KEY or add a key in"
                    + " Settings > Providers.", code, null);
        }
        if (status == 403) {
            return new ModelServerException(Kind.KEY_REJECTED, "The key is not allowed this call by " + base()
                    + " (HTTP 403: " + said + ") — check the key's project and permissions; " + KEY_FIX + ".", said,
                    null);
        }
        if (status == 429 && "insufficient_quota".equals(error.code())) {
            return new ModelServerException(Kind.KEY_REJECTED, "The account of the key for " + base() + " has no quota"
                    + " left (" + said + ") — check its plan and billing, or use another key: " + KEY_FIX + ".",
                    said, null);
        }
        if (status == 404 && model != null && namesModel(error, model)) {
            return new ModelServerException(Kind.MODEL_NOT_FOUND, "The model '" + model + "' is not served at "
                    + base() + " (" + said + ") — check its name against the models the server lists"
                    + " (`workbench models list`).", said, null);
        }
        return switch (status) {
            case 400, 413, 422 -> new ModelServerException(Kind.BAD_REQUEST, "The server at " + base()
                    + " refused the request (HTTP " + status + "): " + said + " — change the options or the prompt,"
                    + " then try again.", said, null);
            case 404 -> new ModelServerException(Kind.SERVER_ERROR, "The server at " + base() + " has no such call"
                    + " (HTTP 404: " + said + ") — check that the base URL is the API's root, which usually ends in"
                    + " /v1.", said, null);
            case 429 -> new ModelServerException(Kind.BUSY, "The server at " + base() + " is limiting the rate of"
                    + " requests" + again + ": " + said + " — wait a moment, then try again.", said, null);
            case 503 -> new ModelServerException(Kind.BUSY, "The server at " + base() + " is overloaded" + again
                    + " (HTTP 503: " + said + ") — try again in a moment.", said, null);
            default -> new ModelServerException(Kind.SERVER_ERROR, "The server at " + base() + " failed" + again
                    + " (HTTP " + status + ": " + said + ") — try again later.", said, null);
        };
    }

    /** The server asked to wait longer than the workbench waits on its own. */
    ModelServerException waitTooLong(int status, String body, Duration asked) {
        String said = OpenAiAnswers.error(redact(body)).text();
        return new ModelServerException(Kind.BUSY, "The server at " + base() + " asks to wait " + seconds(asked)
                + " before the next request (HTTP " + status + ": " + said + ") — try again then.", said, null);
    }

    private static boolean namesModel(ServerError error, String model) {
        return "model_not_found".equals(error.code()) || error.message().contains(model);
    }

    /** An answer whose JSON is not what an OpenAI-compatible server sends for that call. */
    ModelServerException unreadable(String what, Exception cause) {
        return new ModelServerException(Kind.SERVER_ERROR, "The server at " + base() + " answered " + what
                + " in a form the workbench cannot read — check that the base URL is an OpenAI-compatible API's"
                + " (it usually ends in /v1).", null, cause);
    }

    GenerationFailedException failedMidStream(ServerError error, String partial) {
        String said = redact(error.text());
        return new GenerationFailedException("The server at " + base() + " failed while answering: " + said
                + ". The part of the answer that arrived is kept; try again.", said, partial, null);
    }

    GenerationFailedException dropped(String partial, Throwable cause) {
        return new GenerationFailedException("The connection to " + base() + " closed before the answer finished."
                + " The part of the answer that arrived is kept; try again.", null, partial, cause);
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
        if (cause instanceof IOException) {
            return new ModelServerException(Kind.UNREACHABLE, "The connection to " + base() + " failed ("
                    + cause.getClass().getSimpleName() + ") — check the base URL and the network, then try again.",
                    null, cause);
        }
        return new ModelServerException(Kind.SERVER_ERROR, "Talking to " + base() + " failed ("
                + cause.getClass().getSimpleName() + ") — try again; the log in the data folder has the details.",
                null, cause);
    }


    /** The text with the key, wherever it appears, replaced. */
    String redact(String text) {
        Optional<String> key = settings.key();
        if (text == null || key.isEmpty() || key.get().length() < 4) {
            return text;
        }
        return text.replace(key.get(), "[the key]");
    }

    private static String seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 1 ? seconds + " s" : duration.toMillis() + " ms";
    }
}
