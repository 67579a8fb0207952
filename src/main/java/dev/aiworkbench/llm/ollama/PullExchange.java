package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.llm.PullListener;
import dev.aiworkbench.llm.PullProgress;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A pull read line by line (Ollama4j 1.1.6 only logs the progress it reads), so every layer's bytes
 * reach the learner and a cancel closes the connection.
 */
final class PullExchange extends StreamingExchange<Void> implements PullCall {
    private final String model;
    private final PullListener listener;

    PullExchange(OllamaSettings settings, OllamaErrors errors, String model, PullListener listener) {
        super(settings, errors, model);
        this.model = model;
        this.listener = listener;
    }

    @Override
    protected void handle(String json) throws IOException {
        JsonNode line = OllamaWire.JSON.readTree(json);
        if (line.hasNonNull("error")) {
            failedByServer(line.get("error").asText());
            return;
        }
        String status = line.path("status").asText("");
        listener.onProgress(new PullProgress(status,
                Optional.ofNullable(line.get("digest")).map(JsonNode::asText),
                line.has("completed") ? OptionalLong.of(line.get("completed").asLong()) : OptionalLong.empty(),
                line.has("total") ? OptionalLong.of(line.get("total").asLong()) : OptionalLong.empty()));
        if ("success".equalsIgnoreCase(status)) {
            result.complete(null);
        }
    }

    @Override
    protected String partialText() {
        return "";
    }

    @Override
    protected ModelServerException failedMidStream(String serverText) {
        return new ModelServerException(ModelServerException.Kind.SERVER_ERROR, "Pulling '" + model + "' failed: "
                + serverText + ". Check the name at https://ollama.com/library and try again.", serverText, null);
    }

    @Override
    protected void completeCancelled() {
        result.completeExceptionally(new CancellationException("the pull of '" + model + "' was cancelled"));
    }

    @Override
    public CompletableFuture<Void> done() {
        return published();
    }
}
