package dev.aiworkbench.testing;

import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.GatewayFactory;
import dev.aiworkbench.llm.KeySupplier;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.llm.PullListener;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hosted provider's gateway as tests see it until the real ones are plugged in: it answers through FakeOllama at
 * the base URL it is given and, like a hosted API, refuses any key but the ones it accepts, with a sentence that has
 * the word "key" (never the key) and the kind the real gateways use. Keys it was handed are kept for assertions.
 */
public final class KeyCheckingGateway implements ModelGateway {
    private final ModelGateway inner;
    private final KeySupplier key;
    private final Set<String> accepted;
    private final List<String> seen;

    private KeyCheckingGateway(URI baseUrl, KeySupplier key, Set<String> accepted, List<String> seen) {
        this.inner = new OllamaGateway(OllamaSettings.defaults(baseUrl));
        this.key = key;
        this.accepted = accepted;
        this.seen = seen;
    }

    /** A factory whose gateways accept these keys; {@code seen} collects each key they were asked with. */
    public static GatewayFactory accepting(Set<String> accepted, List<String> seen) {
        return (baseUrl, key) -> new KeyCheckingGateway(baseUrl, key, accepted, seen);
    }

    public static List<String> seenKeys() {
        return new CopyOnWriteArrayList<>();
    }

    private void checkKey() throws ModelServerException {
        String value = key.get();
        seen.add(value == null ? "" : value);
        if (value == null || !accepted.contains(value)) {
            throw new ModelServerException(ModelServerException.Kind.KEY_REJECTED, "The key from " + key.source()
                    + " was refused by " + baseUri() + ": check it in Settings > Providers or the environment.",
                    "invalid_api_key", null);
        }
    }

    @Override
    public URI baseUri() {
        return inner.baseUri();
    }

    @Override
    public String version() throws ModelServerException {
        checkKey();
        return inner.version();
    }

    @Override
    public List<LocalModel> listModels() throws ModelServerException {
        checkKey();
        return inner.listModels();
    }

    @Override
    public ModelDetails show(String model) throws ModelServerException {
        checkKey();
        return inner.show(model);
    }

    @Override
    public void delete(String model) throws ModelServerException {
        checkKey();
        inner.delete(model);
    }

    @Override
    public PullCall pull(String model, PullListener listener) {
        return inner.pull(model, listener);
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        try {
            checkKey();
        } catch (ModelServerException refused) {
            return new GenerationCall() {
                @Override
                public CompletableFuture<GenerationResult> result() {
                    return CompletableFuture.failedFuture(refused);
                }

                @Override
                public GenerationResult await(Duration timeout) throws ModelServerException {
                    throw refused;
                }

                @Override
                public void cancel() {
                }
            };
        }
        return inner.stream(request, listener);
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        checkKey();
        return inner.generate(request);
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) throws ModelServerException {
        checkKey();
        return inner.embed(model, inputs);
    }

    @Override
    public void close() {
        inner.close();
    }
}
