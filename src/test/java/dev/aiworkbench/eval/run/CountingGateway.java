package dev.aiworkbench.eval.run;

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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gateway that counts the streamed calls its callers have open at once: from {@code stream(...)}
 * until the caller has the outcome (its {@code await} returns, or its result settles) or cancels. That is
 * the runner's side of "requests in flight", exactly.
 */
final class CountingGateway implements ModelGateway {
    private final ModelGateway real;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger streams = new AtomicInteger();

    CountingGateway(ModelGateway real) {
        this.real = real;
    }

    int mostOpenAtOnce() {
        return most.get();
    }

    int streams() {
        return streams.get();
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        streams.incrementAndGet();
        most.accumulateAndGet(open.incrementAndGet(), Math::max);
        return new Counted(real.stream(request, listener));
    }

    private final class Counted implements GenerationCall {
        private final GenerationCall call;
        private final AtomicBoolean closed = new AtomicBoolean();

        Counted(GenerationCall call) {
            this.call = call;
            call.result().whenComplete((result, failure) -> close());
        }

        private void close() {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        }

        @Override
        public CompletableFuture<GenerationResult> result() {
            return call.result();
        }

        @Override
        public GenerationResult await(Duration timeout) throws ModelServerException, InterruptedException,
                TimeoutException {
            GenerationResult result = call.await(timeout);
            close();
            return result;
        }

        @Override
        public void cancel() {
            call.cancel();
            close();
        }
    }

    @Override
    public URI baseUri() {
        return real.baseUri();
    }

    @Override
    public String version() throws ModelServerException {
        return real.version();
    }

    @Override
    public List<LocalModel> listModels() throws ModelServerException {
        return real.listModels();
    }

    @Override
    public ModelDetails show(String model) throws ModelServerException {
        return real.show(model);
    }

    @Override
    public void delete(String model) throws ModelServerException {
        real.delete(model);
    }

    @Override
    public PullCall pull(String model, PullListener listener) {
        return real.pull(model, listener);
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        return real.generate(request);
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) throws ModelServerException {
        return real.embed(model, inputs);
    }

    @Override
    public void close() {
        real.close();
    }
}
