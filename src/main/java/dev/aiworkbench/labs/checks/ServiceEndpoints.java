package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.ServiceType;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where a lab's running services answer, for checks and for the placeholders in their URLs:
 * {@code {{fastapi.url}}}, {@code {{qdrant.url}}}, {@code {{qdrant.grpc}}}, {@code {{ollama.url}}}.
 *
 * @param qdrantApiKey the key a protected Qdrant needs; empty for none
 */
public record ServiceEndpoints(Optional<URI> fastapi, Optional<URI> qdrant, Optional<String> qdrantGrpc,
                               Optional<URI> ollama, Optional<String> qdrantApiKey) {

    public static final ServiceEndpoints NONE = new ServiceEndpoints(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** The placeholder values that are known. */
    public Map<String, String> placeholders() {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        fastapi.ifPresent(uri -> values.put("fastapi.url", strip(uri)));
        qdrant.ifPresent(uri -> values.put("qdrant.url", strip(uri)));
        qdrantGrpc.ifPresent(address -> values.put("qdrant.grpc", address));
        ollama.ifPresent(uri -> values.put("ollama.url", strip(uri)));
        return values;
    }

    /** Whether the service has an endpoint (for qdrant, its HTTP one). */
    public boolean running(ServiceType service) {
        return switch (service) {
            case FASTAPI -> fastapi.isPresent();
            case QDRANT -> qdrant.isPresent();
            case OLLAMA -> ollama.isPresent();
        };
    }

    private static String strip(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
