package dev.aiworkbench.llm.ollama;

import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.llm.Usage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A streamed chat or completion: hands each piece to the listener and keeps the whole answer. */
final class GenerationExchange extends StreamingExchange<GenerationResult> implements GenerationCall {
    private final GenerationRequest request;
    private final TokenListener listener;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private volatile Duration firstToken;

    GenerationExchange(OllamaSettings settings, OllamaErrors errors, GenerationRequest request, TokenListener listener) {
        super(settings, errors, request.model());
        this.request = request;
        this.listener = listener;
    }

    @Override
    protected void handle(String json) throws IOException {
        OllamaWire.AnswerLine line = OllamaWire.answerLine(request.mode(), json);
        if (line.error() != null) {
            failedByServer(line.error());
            return;
        }
        String delta = line.textPiece();
        String thought = line.thinkingPiece();
        if (firstToken == null && (!delta.isEmpty() || !thought.isEmpty() || !line.toolCalls().isEmpty())) {
            firstToken = since(startNanos);
        }
        if (!thought.isEmpty()) {
            synchronized (this) {
                thinking.append(thought);
            }
            listener.onThinking(thought);
        }
        if (!delta.isEmpty()) {
            synchronized (this) {
                text.append(delta);
            }
            listener.onToken(delta);
        }
        for (OllamaWire.WireCall wire : line.toolCalls()) {
            // Ollama sends each call whole, with no id: numbered across the answer, one delta per call
            ToolCall call;
            int index;
            synchronized (this) {
                index = toolCalls.size();
                call = wire.numbered(index);
                toolCalls.add(call);
            }
            listener.onToolCall(new ToolCallDelta(index, call.id(), call.name(), call.argumentsJson()));
        }
        if (line.done()) {
            result.complete(finished(line.endReason(), line.usage(), line.modelOr(request.model())));
        }
    }

    private synchronized GenerationResult finished(String reason, Usage usage, String model) {
        return new GenerationResult(text.toString(), thinking.toString(), model, reason, usage,
                Optional.ofNullable(firstToken), since(startNanos), toolCalls);
    }

    @Override
    protected synchronized String partialText() {
        return text.toString();
    }

    @Override
    protected ModelServerException failedMidStream(String serverText) {
        return errors.failedMidStream(serverText, partialText());
    }

    @Override
    protected void completeCancelled() {
        result.complete(finished(GenerationResult.CANCELLED, Usage.UNKNOWN, request.model()));
    }

    @Override
    public CompletableFuture<GenerationResult> result() {
        return published();
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
            throw new ModelServerException(ModelServerException.Kind.SERVER_ERROR, "The model call failed: "
                    + e.getCause(), null, e.getCause());
        }
    }
}
