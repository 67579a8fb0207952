package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.llm.ModelOption;
import dev.aiworkbench.llm.ModelOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code providers} and judge providers ({@code options.provider}) into {@link ProviderSpec}s. */
final class ProviderReader {
    private static final Set<String> PROVIDER_KEYS = Set.of("id", "config", "label", "prompts");
    private static final Map<String, String> PROVIDER_PROMPTFOO_ONLY = Map.of(
            "transform", "outputs are checked as the model wrote them",
            "delay", "",
            "env", "");
    private static final Set<String> JUDGE_KEYS = Set.of("text", "embedding");
    private static final Map<String, String> JUDGE_PROMPTFOO_ONLY = Map.of("classification", "", "moderation", "");
    static final String EXAMPLE = "ollama:chat:qwen2.5:0.5b";
    /** Where and with which key a hosted provider is called, read apart from the sampling options. */
    private static final List<String> CONNECTION_KEYS = List.of("apiBaseUrl", "apiHost", "apiKeyEnvar");
    /** OpenAI's and Anthropic's names for the options Ollama names otherwise. */
    private static final Map<String, String> OPTION_ALIASES = Map.of("max_tokens", "num_predict");

    private final Checks checks;

    ProviderReader(Checks checks) {
        this.checks = checks;
    }

    /** The models the prompts run on; an empty list after reporting when none is usable. */
    List<ProviderSpec> providers(Source source, JsonNode node, String path) {
        List<ProviderSpec> specs = new ArrayList<>();
        if (node.isTextual()) {
            add(specs, one(source, node, path));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                checks.error(source, node, path, "the list is empty; name at least one model, e.g. " + EXAMPLE);
            }
            for (int i = 0; i < node.size(); i++) {
                add(specs, one(source, node.get(i), Checks.item(path, i)));
            }
        } else {
            checks.wrongType(source, node, path, "a provider id or a list of them");
        }
        return specs;
    }

    private static void add(List<ProviderSpec> specs, ProviderSpec spec) {
        if (spec != null) {
            specs.add(spec);
        }
    }

    private ProviderSpec one(Source source, JsonNode node, String path) {
        ProviderSpec spec = anyKind(source, node, path);
        if (spec != null && spec.kind() == ProviderSpec.Kind.EMBEDDING) {
            checks.error(source, idNode(node), path, "'" + spec.id() + "' is an embedding model and cannot answer "
                    + "prompts; use ollama:chat:<model> or ollama:completion:<model> (an embedding model belongs "
                    + "under defaultTest.options.provider.embedding)");
            return null;
        }
        return spec;
    }

    /** The node a provider's id is written at: its {@code id} field, else the node itself. */
    private static JsonNode idNode(JsonNode node) {
        return node.isObject() && node.has("id") ? node.get("id") : node;
    }

    /** A provider as a string id, {@code {id, config, label}}, or promptfoo's map form {@code {<id>: {config}}}. */
    ProviderSpec anyKind(Source source, JsonNode node, String path) {
        if (node.isTextual()) {
            return build(source, node, null, null, path);
        }
        if (!node.isObject()) {
            checks.wrongType(source, node, path, "a provider id such as " + EXAMPLE + ", or {id, config}");
            return null;
        }
        if (node.has("id")) {
            checks.keys(source, node, path, PROVIDER_KEYS, PROVIDER_PROMPTFOO_ONLY, Map.of());
            return withPrompts(source, build(source, node.get("id"), node.get("config"), node.get("label"), path),
                    node.get("prompts"), Checks.at(path, "prompts"));
        }
        if (node.size() == 1) {
            String id = node.fieldNames().next();
            JsonNode options = node.get(id);
            if (id.startsWith("ollama:") || id.contains(":")) {
                if (!options.isObject()) {
                    checks.wrongType(source, options, Checks.at(path, id), "a mapping such as {config: {temperature: 0}}");
                    return null;
                }
                String inner = Checks.at(path, id);
                checks.keys(source, options, inner, Set.of("config", "label", "prompts"), PROVIDER_PROMPTFOO_ONLY,
                        Map.of());
                return withPrompts(source, build(source, id, source.keyAt(node, id), options.get("config"),
                        options.get("label"), inner), options.get("prompts"), Checks.at(inner, "prompts"));
            }
        }
        checks.error(source, node, path, "missing 'id': name the model, e.g. id: " + EXAMPLE);
        return null;
    }

    /** The provider with its {@code prompts} filter; null after reporting a wrong one. */
    private ProviderSpec withPrompts(Source source, ProviderSpec spec, JsonNode prompts, String path) {
        if (spec == null || prompts == null) {
            return spec;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (prompts.isTextual()) {
            entries.add(prompts);
        } else if (prompts.isArray() && !prompts.isEmpty()) {
            prompts.forEach(entries::add);
        } else {
            checks.wrongType(source, prompts, path, "a prompt's label or a list of them (leave 'prompts' out to run "
                    + "every prompt)");
            return null;
        }
        List<String> allowed = new ArrayList<>();
        List<SourcePosition> origins = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = checks.text(source, entries.get(i), prompts.isArray() ? Checks.item(path, i) : path);
            if (entry == null) {
                return null;
            }
            allowed.add(entry);
            origins.add(source.at(entries.get(i)));
        }
        return new ProviderSpec(spec.id(), spec.server(), spec.kind(), spec.model(), spec.options(),
                spec.connection(), spec.label(), spec.origin(), new PromptFilter(allowed, origins));
    }

    private ProviderSpec build(Source source, JsonNode idNode, JsonNode config, JsonNode label, String path) {
        String id = checks.text(source, idNode, idNode.isTextual() ? path : Checks.at(path, "id"));
        if (id == null) {
            return null;
        }
        return build(source, id, source.at(idNode), config, label, path);
    }

    private ProviderSpec build(Source source, String id, SourcePosition idAt, JsonNode config,
                               JsonNode label, String path) {
        String trimmed = id.strip();
        ProviderId parsed = ProviderId.parse(trimmed);
        if (parsed.problem() != null) {
            checks.problems().error(idAt, Checks.prefix(path) + parsed.problem());
            return null;
        }
        String configPath = Checks.at(path, "config");
        ProviderSpec.Connection connection = connection(source, config, configPath);
        ModelOptions options = options(source, config, configPath);
        String labelText = label == null ? null : checks.text(source, label, Checks.at(path, "label"));
        if (connection == null || options == null || (label != null && labelText == null)) {
            return null;
        }
        return new ProviderSpec(trimmed, parsed.server(), parsed.kind(), parsed.model(), options, connection,
                labelText, idAt.toString());
    }

    /** promptfoo's {@code apiBaseUrl} (or {@code apiHost}, a host name served over https) and {@code apiKeyEnvar}. */
    private ProviderSpec.Connection connection(Source source, JsonNode config, String path) {
        if (config == null || !config.isObject()) {
            return ProviderSpec.Connection.DEFAULT;
        }
        Optional<String> baseUrl = Optional.empty();
        Optional<String> keyVariable = Optional.empty();
        for (String name : CONNECTION_KEYS) {
            if (!config.has(name)) {
                continue;
            }
            String value = checks.text(source, config.get(name), Checks.at(path, name));
            if (value == null) {
                return null;
            }
            switch (name) {
                case "apiBaseUrl" -> baseUrl = Optional.of(value.strip());
                case "apiHost" -> baseUrl = baseUrl.or(() -> Optional.of("https://" + value.strip()));
                default -> {
                    if (!value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        checks.error(source, config.get(name), Checks.at(path, name), "'" + value + "' is not an "
                                + "environment variable's name; write the variable that holds the key, e.g. "
                                + "OPENAI_API_KEY");
                        return null;
                    }
                    keyVariable = Optional.of(value);
                }
            }
        }
        return new ProviderSpec.Connection(baseUrl, keyVariable);
    }

    /** The {@code config} options, or null after reporting a wrong one. Options not sent are warnings. */
    ModelOptions options(Source source, JsonNode config, String path) {
        if (config == null || config.isNull()) {
            return ModelOptions.DEFAULTS;
        }
        if (!config.isObject()) {
            checks.wrongType(source, config, path, "a mapping of options such as {temperature: 0, seed: 42}");
            return null;
        }
        boolean ok = true;
        Map<ModelOption, Object> values = new EnumMap<>(ModelOption.class);
        for (var names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (CONNECTION_KEYS.contains(name)) {
                continue;
            }
            Optional<ModelOption> option = ModelOption.named(OPTION_ALIASES.getOrDefault(name, name));
            if (option.isEmpty()) {
                checks.problems().warning(source.keyAt(config, name), Checks.prefix(path) + "option '" + name
                        + "' is not sent by this runner and is ignored; it sends " + Checks.list(ModelOptions.NAMES));
                continue;
            }
            JsonNode value = config.get(name);
            String at = Checks.at(path, name);
            Object read = switch (option.get().kind()) {
                case DECIMAL -> checks.number(source, value, at);
                case WHOLE -> checks.whole(source, value, at);
                case TEXTS -> stops(source, value, at);
            };
            if (read == null) {
                ok = false;
                continue;
            }
            try {
                ModelOptions.of(Map.of(option.get(), read)); // throws with the reason when out of range
                values.put(option.get(), read);
            } catch (IllegalArgumentException e) {
                checks.error(source, value, at, e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(name)
                        + " ", ""));
                ok = false;
            }
        }
        return ok ? ModelOptions.of(values) : null;
    }

    private List<String> stops(Source source, JsonNode value, String path) {
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (value.isArray()) {
            List<String> stops = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    checks.wrongType(source, element, path, "text");
                    return null;
                }
                stops.add(element.asText());
            }
            return stops;
        }
        checks.wrongType(source, value, path, "text or a list of texts");
        return null;
    }

    /**
     * A judge, as promptfoo's {@code options.provider} writes it: one provider id or {@code {id, config}}
     * (a text judge, or an embedding model when its id says so), or {@code {text: …, embedding: …}}.
     * Null after reporting a wrong one.
     */
    JudgeSpec judge(Source source, JsonNode node, String path) {
        if (node.isObject() && !node.has("id") && (node.has("text") || node.has("embedding"))) {
            checks.keys(source, node, path, JUDGE_KEYS, JUDGE_PROMPTFOO_ONLY, Map.of());
            ProviderSpec text = null;
            ProviderSpec embedding = null;
            boolean ok = true;
            if (node.has("text")) {
                text = anyKind(source, node.get("text"), Checks.at(path, "text"));
                if (text != null && text.kind() == ProviderSpec.Kind.EMBEDDING) {
                    checks.error(source, idNode(node.get("text")), Checks.at(path, "text"), "'" + text.id()
                            + "' is an embedding model; the text judge answers rubrics, so use ollama:chat:<model>");
                    text = null;
                }
                ok &= text != null;
            }
            if (node.has("embedding")) {
                embedding = anyKind(source, node.get("embedding"), Checks.at(path, "embedding"));
                if (embedding != null && embedding.kind() != ProviderSpec.Kind.EMBEDDING) {
                    checks.error(source, idNode(node.get("embedding")), Checks.at(path, "embedding"), "'"
                            + embedding.id() + "' is not an embedding model; write ollama:embeddings:<model>, e.g. "
                            + "ollama:embeddings:nomic-embed-text");
                    embedding = null;
                }
                ok &= embedding != null;
            }
            return ok ? new JudgeSpec(text, embedding) : null;
        }
        ProviderSpec spec = anyKind(source, node, path);
        if (spec == null) {
            return null;
        }
        return spec.kind() == ProviderSpec.Kind.EMBEDDING ? new JudgeSpec(null, spec) : new JudgeSpec(spec, null);
    }
}
