package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.llm.PullListener;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.Usage;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * A gateway that measures every model call (stream, generate, embed) and hands it to the recorder as it ends,
 * tagged with what it was for. Administration (list, show, pull, delete) is passed through unrecorded. The
 * measuring costs the caller two clock reads and a queue offer; pricing and writing happen on the recorder's thread.
 */
public final class RecordingGateway implements ModelGateway {
    private final ModelGateway inner;
    private final String provider;
    private final CallRecorder recorder;
    private final CallTag tag;
    private final Clock clock;

    /** @param tag what every call through this gateway is for; its feature must be set */
    public RecordingGateway(ModelGateway inner, String provider, CallRecorder recorder, CallTag tag, Clock clock) {
        if (tag.feature() == null) {
            throw new IllegalArgumentException("a recording gateway is made for a feature");
        }
        this.inner = inner;
        this.provider = provider;
        this.recorder = recorder;
        this.tag = tag;
        this.clock = clock;
    }

    @Override
    public ModelGateway tagged(CallTag more) {
        return new RecordingGateway(inner, provider, recorder, tag.with(more), clock);
    }

    @Override
    public URI baseUri() {
        return inner.baseUri();
    }

    @Override
    public String version() throws ModelServerException {
        return inner.version();
    }

    @Override
    public List<LocalModel> listModels() throws ModelServerException {
        return inner.listModels();
    }

    @Override
    public ModelDetails show(String model) throws ModelServerException {
        return inner.show(model);
    }

    @Override
    public void delete(String model) throws ModelServerException {
        inner.delete(model);
    }

    @Override
    public PullCall pull(String model, PullListener listener) {
        return inner.pull(model, listener);
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        CallTimer timer = new CallTimer(clock.instant(), System.nanoTime());
        GenerationCall call = inner.stream(request, timer.listening(listener));
        return new RecordedCall(call, timer, end -> recorder.record(call(request, end)));
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        CallTimer timer = new CallTimer(clock.instant(), System.nanoTime());
        try {
            GenerationResult result = inner.generate(request);
            recorder.record(call(request, CallEnd.of(timer, result)));
            return result;
        } catch (ModelServerException e) {
            recorder.record(call(request, CallEnd.failed(timer, e)));
            throw e;
        }
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) throws ModelServerException {
        CallTimer timer = new CallTimer(clock.instant(), System.nanoTime());
        try {
            Embeddings embeddings = inner.embed(model, inputs);
            Integer input = embeddings.promptTokens().isPresent() ? embeddings.promptTokens().getAsInt() : null;
            // An embedding produces no tokens: with the input count known, the output count is known to be zero.
            recorder.record(new ModelCall(timer.startedAt(), tag, Operation.EMBEDDINGS, provider, model, input,
                    input == null ? null : 0, null, timer.elapsedMs(), null, CallOutcome.OK, null));
            return embeddings;
        } catch (ModelServerException e) {
            recorder.record(new ModelCall(timer.startedAt(), tag, Operation.EMBEDDINGS, provider, model, null, null,
                    null, timer.elapsedMs(), null, CallOutcome.ERROR, CallEnd.errorKind(e)));
            throw e;
        }
    }

    /** The call as recorded: this gateway's provider and tag, the request's model and operation. */
    private ModelCall call(GenerationRequest request, CallEnd end) {
        Operation operation = request.mode() == GenerationRequest.Mode.CHAT ? Operation.CHAT : Operation.TEXT_COMPLETION;
        Usage usage = end.usage();
        return new ModelCall(end.startedAt(), tag, operation, provider, request.model(),
                usage.promptTokens().isPresent() ? usage.promptTokens().getAsInt() : null,
                usage.outputTokens().isPresent() ? usage.outputTokens().getAsInt() : null,
                end.ttftMs(), end.totalMs(),
                usage.tokensPerSecond().isPresent() ? usage.tokensPerSecond().getAsDouble() : null,
                end.outcome(), end.errorKind());
    }

    @Override
    public void close() {
        inner.close();
    }
}
