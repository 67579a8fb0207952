package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.ProviderSpec;
import dev.aiworkbench.eval.suite.TestCase;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ProviderKind;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a run starts: every model it will call (the provider's, and any judge's) is served where the suite says, so a
 * missing model or a refused key ends the run with one sentence before any case is sent.
 */
final class ServedModels {
    /** Types whose grading asks the judge model, and types that ask the embedding model. */
    private static final Set<String> JUDGED = Set.of("llm-rubric", "context-faithfulness", "context-recall",
            "context-relevance", "answer-relevance");
    private static final Set<String> EMBEDDED = Set.of("similar", "answer-relevance");

    private final EvalModels models;

    ServedModels(EvalModels models) {
        this.models = models;
    }

    /**
     * The models' digests on their servers, which also proves the run's model (and any judge) is there. Each
     * provider's models are listed by the gateway serving it; a hosted model's listing carries no digest.
     */
    Map<String, String> digests(EvalSuite suite, ProviderSpec provider) throws ModelServerException {
        Map<ProviderSpec, String> needed = new LinkedHashMap<>();
        needed.put(provider, provider.model());
        for (TestCase test : suite.tests()) {
            if (test.judge().hasText() && test.assertions().stream().anyMatch(a -> JUDGED.contains(a.type()))) {
                needed.putIfAbsent(test.judge().text(), test.judge().text().model());
            }
            if (test.judge().hasEmbedding() && test.assertions().stream().anyMatch(a -> EMBEDDED.contains(a.type()))) {
                needed.putIfAbsent(test.judge().embedding(), test.judge().embedding().model());
            }
        }
        Map<String, String> digests = new LinkedHashMap<>();
        Map<ModelGateway, Map<String, String>> listed = new IdentityHashMap<>();
        for (Map.Entry<ProviderSpec, String> wanted : needed.entrySet()) {
            ModelGateway server = models.gateway(wanted.getKey());
            Map<String, String> served = listed.get(server);
            if (served == null) {
                served = listing(wanted.getKey(), wanted.getValue(), server);
                listed.put(server, served);
            }
            String model = wanted.getValue();
            if (!served.containsKey(model)) {
                throw new ModelServerException(ModelServerException.Kind.MODEL_NOT_FOUND, missing(wanted.getKey(),
                        server, models.providerName(wanted.getKey())), null, null);
            }
            digests.putIfAbsent(model, served.get(model));
        }
        return digests;
    }

    /**
     * The models the server lists. A hosted provider that cannot list them (its key refused, its address dead) is
     * named with the model the suite wanted, so the sentence says which provider to fix and never to pull a model.
     */
    private Map<String, String> listing(ProviderSpec spec, String wanted, ModelGateway server)
            throws ModelServerException {
        List<LocalModel> listed;
        try {
            listed = server.listModels();
        } catch (ModelServerException e) {
            if (spec.server() == ProviderKind.OLLAMA) {
                throw e;
            }
            throw new ModelServerException(e.kind(), "The suite's model '" + wanted + "' (" + spec.id() + ", at "
                    + spec.origin() + ") could not be checked on the " + spec.server().label() + " provider '"
                    + models.providerName(spec) + "': " + e.getMessage(), e.serverText(), e);
        }
        Map<String, String> served = new HashMap<>();
        for (LocalModel model : listed) {
            served.put(model.name(), model.digest());
            if (model.name().endsWith(":latest")) {
                served.putIfAbsent(model.name().substring(0, model.name().length() - ":latest".length()), model.digest());
            }
        }
        return served;
    }

    private static String missing(ProviderSpec spec, ModelGateway server, String providerName) {
        String model = spec.model();
        if (spec.server() == ProviderKind.OLLAMA) {
            return "The model '" + model + "' the suite needs is not on the Ollama server at " + server.baseUri()
                    + " — pull it with `ollama pull " + model + "`, `workbench models pull " + model
                    + "` or the Models screen.";
        }
        return "The model '" + model + "' the suite needs (" + spec.id() + ", at " + spec.origin() + ") is not among "
                + "the models the " + spec.server().label() + " provider '" + providerName + "' at " + server.baseUri()
                + " serves — check its name with `workbench models list --provider " + providerName + "` and correct "
                + "the suite's provider id.";
    }
}
