package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.llm.TransportFailures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Turns what went wrong on the wire into sentences that name the server and the next step. */
final class OllamaErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;

    OllamaErrors(URI baseUri) {
        this.baseUri = baseUri;
    }

    ModelServerException unreachable(Throwable cause) {
        return new ModelServerException(Kind.UNREACHABLE, "Ollama is not running at " + baseUri
                + " — start it with `ollama serve`, or set OLLAMA_HOST (or the address in Settings) to where it runs.",
                null, cause);
    }

    ModelServerException timeout(Duration waited, String what, Throwable cause) {
        return new ModelServerException(Kind.TIMEOUT, "Ollama at " + baseUri + " gave no " + what + " within "
                + seconds(waited) + " (a large model may still be loading). Try again, or allow more time.", null, cause);
    }

    /**
     * An error answered with a status code before any of the answer was sent.
     *
     * @param model the model the call was about; null for calls about none (a 404 is then not a missing model)
     */
    ModelServerException status(int status, String body, String model) {
        String text = serverText(body);
        if (status == 404 && model != null) {
            return new ModelServerException(Kind.MODEL_NOT_FOUND, "The model '" + model + "' is not on the Ollama "
                    + "server at " + baseUri + " — pull it with `ollama pull " + model + "` or `workbench models pull "
                    + model + "`. (Ollama said: " + text + ")", text, null);
        }
        return switch (status) {
            case 400 -> new ModelServerException(Kind.BAD_REQUEST, "Ollama refused the request: " + text + ".", text, null);
            case 404 -> new ModelServerException(Kind.SERVER_ERROR, "The server at " + baseUri + " does not know "
                    + "this Ollama call (HTTP 404: " + text + ") — check that the address in Settings or OLLAMA_HOST "
                    + "is an Ollama server's.", text, null);
            case 429, 503 -> new ModelServerException(Kind.BUSY, "Ollama at " + baseUri + " is busy: " + text
                    + ". Try again in a moment.", text, null);
            default -> new ModelServerException(Kind.SERVER_ERROR, "Ollama failed (HTTP " + status + "): " + text + ".",
                    text, null);
        };
    }

    /** An answer whose JSON is not what Ollama sends for that call. */
    ModelServerException unreadable(String path, IOException cause) {
        return new ModelServerException(Kind.SERVER_ERROR, "Ollama at " + baseUri + " answered " + path
                + " with JSON the workbench cannot read (" + cause.getMessage().lines().findFirst().orElse("")
                + "). Check that the address is an Ollama server's, and that Ollama is up to date.", null, cause);
    }

    GenerationFailedException failedMidStream(String serverText, String partial) {
        return new GenerationFailedException("Ollama failed while answering: " + serverText
                + ". The part of the answer that arrived is kept.", serverText, partial, null);
    }

    GenerationFailedException dropped(String partial, Throwable cause) {
        return new GenerationFailedException("The connection to Ollama at " + baseUri + " closed before the answer "
                + "finished. The part of the answer that arrived is kept.", null, partial, cause);
    }

    /** A failure of the transport itself: refused, unresolvable, timed out, or broken. */
    ModelServerException transport(Throwable failure, Duration timeout, String what) {
        Throwable cause = TransportFailures.unwrap(failure);
        if (TransportFailures.unreachable(cause)) {
            return unreachable(cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(timeout, what, cause);
        }
        if (cause instanceof ModelServerException known) {
            return known;
        }
        if (cause instanceof IOException) {
            return new ModelServerException(Kind.UNREACHABLE, "The connection to Ollama at " + baseUri + " failed: "
                    + cause.getMessage() + ". Check that `ollama serve` is running.", null, cause);
        }
        return new ModelServerException(Kind.SERVER_ERROR, "Talking to Ollama at " + baseUri + " failed: " + cause,
                null, cause);
    }


    /** Ollama's {@code {"error": "..."}} text, or the body itself when it is not that shape. */
    static String serverText(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("error")) {
                return node.get("error").asText();
            }
        } catch (IOException ignored) {
            // not JSON: the raw body is the best account there is
        }
        return body.strip();
    }

    private static String seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 1 ? seconds + " s" : duration.toMillis() + " ms";
    }
}
