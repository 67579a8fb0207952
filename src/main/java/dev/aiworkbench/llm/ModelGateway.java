package dev.aiworkbench.llm;

import java.net.URI;
import java.util.List;

/**
 * Everything the workbench asks of a model server. Blocking methods are called off the FX thread;
 * streaming and pulling return at once with a handle the caller can cancel.
 */
public interface ModelGateway extends AutoCloseable {

    /** Where the server is, for messages. */
    URI baseUri();

    /** The server's version; the cheapest proof that it answers. */
    String version() throws ModelServerException;

    List<LocalModel> listModels() throws ModelServerException;

    ModelDetails show(String model) throws ModelServerException;

    void delete(String model) throws ModelServerException;

    /** Downloads a model, reporting each layer's bytes as they arrive. */
    PullCall pull(String model, PullListener listener);

    /** Streams an answer token by token; the listener runs on a gateway thread, never the FX thread. */
    GenerationCall stream(GenerationRequest request, TokenListener listener);

    /** Asks for a whole answer at once. */
    GenerationResult generate(GenerationRequest request) throws ModelServerException;

    Embeddings embed(String model, List<String> inputs) throws ModelServerException;

    /**
     * This gateway with calls that carry the tag (added to any tag it already has), so that a gateway that records
     * calls knows what each was for. A gateway that records nothing has nothing to carry it to, and is itself.
     */
    default ModelGateway tagged(CallTag tag) {
        return this;
    }

    @Override
    void close();
}
