package dev.aiworkbench.labs.definition;

/**
 * A service a lab needs.
 *
 * @param model      ollama: the model the lab needs; null when none
 * @param embedModel ollama: an embedding model the lab needs; null when none
 * @param apiKey     qdrant: the API key the container requires; null for none
 * @param app        fastapi: the uvicorn target, {@code main:app} by default
 */
public record ServiceSpec(ServiceType type, String model, String embedModel, String apiKey, String app) {
    public static final String DEFAULT_APP = "main:app";

    public ServiceSpec {
        app = app == null || app.isBlank() ? DEFAULT_APP : app;
    }

    public static ServiceSpec of(ServiceType type) {
        return new ServiceSpec(type, null, null, null, null);
    }
}
