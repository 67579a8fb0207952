package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelServerException;
import io.github.ollama4j.models.response.ModelDetail;
import io.github.ollama4j.models.response.ModelMeta;
import io.github.ollama4j.models.response.OllamaVersion;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin calls: version, show and delete read into Ollama4j 1.1.6's models of Ollama's answers, the list as a
 * tree. The requests go through the gateway's own client rather than Ollama4j's, because Ollama4j reports a failed call
 * only as message text: here every error is classified by its status and body, as for every other call.
 */
final class Ollama4jAdmin {
    /**
     * A mapper of our own for Ollama4j's models: Ollama4j's shared one fails on any field it does not know, every
     * new Ollama release adds fields, and reconfiguring the shared one would change the library for everyone. Made on
     * the first admin call that needs it, since its time module alone is 75 classes a gateway that only chats skips.
     */
    private static final class Models {
        static final ObjectMapper JSON = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private final HttpClient client;
    private final OllamaSettings settings;
    private final OllamaErrors errors;

    Ollama4jAdmin(HttpClient client, OllamaSettings settings, OllamaErrors errors) {
        this.client = client;
        this.settings = settings;
        this.errors = errors;
    }

    String version() throws ModelServerException {
        return read(send(request("/api/version").GET(), null), "/api/version", OllamaVersion.class).getVersion();
    }

    /**
     * The models on the server, read as a tree rather than into Ollama4j's {@code ListModelsResponse}: every eval run
     * lists them once to check its model, and Jackson's bean binding for that one answer loaded several hundred
     * classes on the run's path to its first case.
     */
    List<LocalModel> listModels() throws ModelServerException {
        HttpResponse<String> answer = send(request("/api/tags").GET(), null);
        JsonNode models;
        try {
            models = OllamaWire.JSON.readTree(answer.body()).path("models");
        } catch (IOException e) {
            throw errors.unreadable("/api/tags", e);
        }
        List<LocalModel> listed = new ArrayList<>();
        for (JsonNode model : models) {
            listed.add(localModel(model));
        }
        return List.copyOf(listed);
    }

    ModelDetails show(String model) throws ModelServerException {
        HttpResponse<String> answer = send(request("/api/show").POST(body(model)), model);
        ModelDetail detail = read(answer, "/api/show", ModelDetail.class);
        Map<String, String> details = new LinkedHashMap<>();
        ModelMeta meta = detail.getDetails();
        if (meta != null) {
            putIfPresent(details, "format", meta.getFormat());
            putIfPresent(details, "family", meta.getFamily());
            putIfPresent(details, "parameter size", meta.getParameterSize());
            putIfPresent(details, "quantization", meta.getQuantizationLevel());
        }
        return new ModelDetails(model, orEmpty(detail.getTemplate()), orEmpty(detail.getParameters()),
                orEmpty(detail.getSystem()), orEmpty(detail.getLicense()),
                detail.getCapabilities() == null ? List.of() : Arrays.asList(detail.getCapabilities()), details);
    }

    /** Deletes the model; one that is not there (404) is already what was asked for, as Ollama4j 1.1.6 has it. */
    void delete(String model) throws ModelServerException {
        try {
            send(request("/api/delete").method("DELETE", body(model)), model);
        } catch (ModelServerException e) {
            if (e.kind() != ModelServerException.Kind.MODEL_NOT_FOUND) {
                throw e;
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(settings.baseUri().resolve(path))
                .timeout(settings.adminTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String model) {
        return HttpRequest.BodyPublishers.ofByteArray(OllamaWire.modelBody(model, false));
    }

    /** The answer of a call that succeeded; any other is an error classified by its status and body. */
    private HttpResponse<String> send(HttpRequest.Builder request, String model) throws ModelServerException {
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw errors.transport(e, settings.adminTimeout(), "answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.transport(e, settings.adminTimeout(), "answer");
        }
        if (response.statusCode() >= 400) {
            throw errors.status(response.statusCode(), response.body(), model);
        }
        return response;
    }

    private <T> T read(HttpResponse<String> response, String path, Class<T> type) throws ModelServerException {
        try {
            return Models.JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw errors.unreadable(path, e);
        }
    }

    private static LocalModel localModel(JsonNode model) {
        JsonNode details = model.path("details");
        return new LocalModel(model.path("name").asText(), text(details, "family"), text(details, "parameter_size"),
                text(details, "quantization_level"), model.path("size").asLong(), model.path("digest").textValue(),
                text(model, "modified_at").flatMap(Ollama4jAdmin::instant));
    }

    /** A time the server wrote in a form this does not read is left out, as a missing one is. */
    private static Optional<Instant> instant(String rfc3339) {
        try {
            return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.path(field).textValue()).filter(s -> !s.isBlank());
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
