package dev.aiworkbench.eval.run;

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

import java.net.URI;
import java.util.List;

/**
 * A judge whose rubric model and embedding model live with different providers (say a hosted rubric judge and a local
 * embedding model): answers go to the text judge's gateway, embeddings to the embedding model's.
 */
record JudgeGateway(ModelGateway text, ModelGateway embedding) implements ModelGateway {

    @Override
    public URI baseUri() {
        return text.baseUri();
    }

    @Override
    public String version() throws ModelServerException {
        return text.version();
    }

    @Override
    public List<LocalModel> listModels() throws ModelServerException {
        return text.listModels();
    }

    @Override
    public ModelDetails show(String model) throws ModelServerException {
        return text.show(model);
    }

    @Override
    public void delete(String model) throws ModelServerException {
        throw new UnsupportedOperationException("a judge deletes no model");
    }

    @Override
    public PullCall pull(String model, PullListener listener) {
        throw new UnsupportedOperationException("a judge pulls no model");
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        return text.stream(request, listener);
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        return text.generate(request);
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) throws ModelServerException {
        return embedding.embed(model, inputs);
    }

    @Override
    public ModelGateway tagged(CallTag tag) {
        return new JudgeGateway(text.tagged(tag), embedding.tagged(tag));
    }

    @Override
    public void close() {
        // the gateways belong to the run's EvalModels, which closes nothing either
    }
}
