package dev.aiworkbench.eval.suite;

import dev.aiworkbench.llm.ProviderKind;

import java.util.Set;

/**
 * A promptfoo provider id read into the provider kind, endpoint and model it names, or the sentence saying why it
 * names none.
 *
 * @param problem null when the id is one this runner calls
 */
record ProviderId(ProviderKind server, ProviderSpec.Kind kind, String model, String problem) {
    static final String FORMS = "ollama:chat:<model>, ollama:completion:<model>, openai:chat:<model> or "
            + "anthropic:messages:<model>";

    /** The model promptfoo 0.118 calls for {@code openai:chat} without one. */
    static final String OPENAI_DEFAULT_MODEL = "gpt-4.1-2025-04-14";
    /** Endpoints promptfoo reads after {@code openai:} or {@code anthropic:} that are not the chat endpoint. */
    private static final Set<String> OTHER_ENDPOINTS = Set.of("completion", "embedding", "embeddings", "responses",
            "assistant", "realtime", "image", "moderation");
    /** Models promptfoo 0.118 sends to OpenAI's completions endpoint when written {@code openai:<model>}. */
    private static final Set<String> OPENAI_COMPLETION_MODELS = Set.of("gpt-3.5-turbo-instruct", "text-davinci-002",
            "text-babbage-002");
    /** The models promptfoo 0.118 reads {@code anthropic:<model>} for (its ANTHROPIC_MODELS); others need the endpoint. */
    private static final Set<String> ANTHROPIC_MODELS = Set.of("claude-opus-4-1-20250805", "claude-opus-4-20250514",
            "claude-opus-4-0", "claude-opus-4-latest", "claude-sonnet-4-20250514", "claude-sonnet-4-0",
            "claude-sonnet-4-latest", "claude-2.0", "claude-2.1", "claude-3-haiku-20240307", "claude-3-haiku-latest",
            "claude-3-opus-20240229", "claude-3-opus-latest", "claude-3-5-haiku-20241022", "claude-3-5-haiku-latest",
            "claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022", "claude-3-5-sonnet-latest",
            "claude-3-7-sonnet-20250219", "claude-3-7-sonnet-latest");

    static ProviderId parse(String id) {
        int colon = id.indexOf(':');
        String prefix = colon < 0 ? id : id.substring(0, colon);
        String rest = colon < 0 ? "" : id.substring(colon + 1);
        return switch (prefix) {
            case "ollama" -> ollama(id, rest);
            case "openai" -> hosted(id, ProviderKind.OPENAI, rest, "chat");
            case "anthropic" -> hosted(id, ProviderKind.ANTHROPIC, rest, "messages");
            default -> failed("'" + id + "' is not a provider this runner can call; write " + FORMS + ", e.g. "
                    + ProviderReader.EXAMPLE);
        };
    }

    private static ProviderId ollama(String id, String rest) {
        int colon = rest.indexOf(':');
        String head = colon < 0 ? rest : rest.substring(0, colon);
        ProviderSpec.Kind kind = switch (head) {
            case "chat" -> ProviderSpec.Kind.CHAT;
            case "completion" -> ProviderSpec.Kind.COMPLETION;
            case "embedding", "embeddings" -> ProviderSpec.Kind.EMBEDDING;
            default -> null;
        };
        // promptfoo reads ollama:<model> as a completion model
        String model = kind == null ? rest : colon < 0 ? "" : rest.substring(colon + 1);
        if (model.isEmpty()) {
            return failed("'" + id + "' names no model; write it as ollama:" + head + ":<model>, e.g. "
                    + (kind == ProviderSpec.Kind.EMBEDDING ? "ollama:embeddings:nomic-embed-text" : ProviderReader.EXAMPLE));
        }
        return named(ProviderKind.OLLAMA, kind == null ? ProviderSpec.Kind.COMPLETION : kind, model, "an Ollama");
    }

    /**
     * OpenAI's and Anthropic's chat endpoints in every form promptfoo 0.118 reads: {@code openai:chat:<model>} (the
     * model defaulting to promptfoo's, {@link #OPENAI_DEFAULT_MODEL}), {@code openai:<model>},
     * {@code anthropic:messages:<model>} and {@code anthropic:<model>} for a model promptfoo knows by name. The other
     * endpoints (completion, responses, embeddings, …) are refused with the forms that run.
     */
    private static ProviderId hosted(String id, ProviderKind server, String rest, String endpoint) {
        boolean openai = server == ProviderKind.OPENAI;
        String example = server.id() + ":" + endpoint + ":" + (openai ? "gpt-6-luna" : "claude-haiku-4-5");
        int colon = rest.indexOf(':');
        String head = colon < 0 ? rest : rest.substring(0, colon);
        String model;
        if (head.equals(endpoint)) {
            model = colon < 0 ? "" : rest.substring(colon + 1);
            if (model.isEmpty() && openai) {
                model = OPENAI_DEFAULT_MODEL;
            }
        } else if (OTHER_ENDPOINTS.contains(head) || (openai && OPENAI_COMPLETION_MODELS.contains(rest))) {
            String named = OTHER_ENDPOINTS.contains(head) ? "names " + server.label() + "'s " + head + " endpoint"
                    : "is a model promptfoo sends to OpenAI's completion endpoint";
            return failed("'" + id + "' " + named + ", which this runner does not call; it calls the " + endpoint
                    + " endpoint, written " + server.id() + ":" + endpoint + ":<model>, e.g. " + example);
        } else if (colon < 0 && !rest.isEmpty() && (openai || ANTHROPIC_MODELS.contains(rest))) {
            model = rest;
        } else {
            return failed("'" + id + "' is not a form this runner calls; " + server.label() + " models are written "
                    + server.id() + ":" + endpoint + ":<model>" + (openai ? " or openai:<model>"
                    : " (or anthropic:<model> for a model promptfoo knows by name)") + ", e.g. " + example);
        }
        if (model.isEmpty()) {
            return failed("'" + id + "' names no model; write it as " + server.id() + ":" + endpoint + ":<model>, e.g. "
                    + example);
        }
        return named(server, ProviderSpec.Kind.CHAT, model, "a " + server.label());
    }

    private static ProviderId named(ProviderKind server, ProviderSpec.Kind kind, String model, String whose) {
        // Hosted model names may carry a version after '@' (e.g. Vertex-style ids); Ollama's never do.
        boolean ollama = server == ProviderKind.OLLAMA;
        if (!model.matches(ollama ? "[A-Za-z0-9._:/-]+" : "[A-Za-z0-9._:/@-]+") || model.length() > 200) {
            return failed("'" + model + "' is not " + whose + " model name (letters, digits and . _ : / "
                    + (ollama ? "" : "@ ") + "- only)");
        }
        return new ProviderId(server, kind, model, null);
    }

    private static ProviderId failed(String problem) {
        return new ProviderId(null, null, null, problem);
    }
}
