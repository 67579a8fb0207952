package dev.aiworkbench.eval.suite;

import dev.aiworkbench.llm.ProviderKind;

/**
 * A promptfoo provider id read into the provider kind, endpoint and model it names, or the sentence saying why it
 * names none.
 *
 * @param problem null when the id is one this runner calls
 */
record ProviderId(ProviderKind server, ProviderSpec.Kind kind, String model, String problem) {
    static final String FORMS = "ollama:chat:<model>, ollama:completion:<model>, openai:chat:<model> or "
            + "anthropic:messages:<model>";

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

    /** OpenAI's and Anthropic's chat endpoints; {@code openai:<model>} is short for the chat form, as in promptfoo. */
    private static ProviderId hosted(String id, ProviderKind server, String rest, String endpoint) {
        String example = server.id() + ":" + endpoint + ":" + (server == ProviderKind.OPENAI ? "gpt-6-luna"
                : "claude-haiku-4-5");
        int colon = rest.indexOf(':');
        String head = colon < 0 ? rest : rest.substring(0, colon);
        String model;
        if (head.equals(endpoint)) {
            model = colon < 0 ? "" : rest.substring(colon + 1);
        } else if (server == ProviderKind.OPENAI && colon < 0 && !rest.isEmpty() && !isOtherEndpoint(rest)) {
            model = rest;
        } else {
            return failed("'" + id + "' is not a form this runner calls; " + server.label() + " models are written "
                    + server.id() + ":" + endpoint + ":<model>, e.g. " + example);
        }
        if (model.isEmpty()) {
            return failed("'" + id + "' names no model; write it as " + server.id() + ":" + endpoint + ":<model>, e.g. "
                    + example);
        }
        return named(server, ProviderSpec.Kind.CHAT, model, "a " + server.label());
    }

    private static boolean isOtherEndpoint(String head) {
        return head.equals("completion") || head.equals("embedding") || head.equals("embeddings")
                || head.equals("responses") || head.equals("assistant");
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
