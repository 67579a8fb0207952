package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import io.github.ollama4j.Ollama;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.response.Model;
import io.github.ollama4j.models.response.ModelDetail;
import io.github.ollama4j.models.response.ModelMeta;
import io.github.ollama4j.utils.Utils;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The calls Ollama4j 1.1.6 does well: version, list, show, delete. Everything that streams, or that
 * Ollama4j gives no timeout, goes through the gateway's own client instead.
 */
final class Ollama4jAdmin {
    static {
        // Ollama4j's mapper fails on any field it does not know, and every new Ollama release adds fields.
        Utils.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private final Ollama ollama;
    private final OllamaErrors errors;
    private final OllamaSettings settings;

    Ollama4jAdmin(OllamaSettings settings, OllamaErrors errors) {
        this.settings = settings;
        this.errors = errors;
        this.ollama = new Ollama(settings.baseUri().toString());
        this.ollama.setRequestTimeoutSeconds(Math.max(1, settings.adminTimeout().toSeconds()));
    }

    String version() throws ModelServerException {
        try {
            return ollama.getVersion();
        } catch (OllamaException e) {
            throw translate(e, null);
        }
    }

    List<LocalModel> listModels() throws ModelServerException {
        try {
            return ollama.listModels().stream().map(Ollama4jAdmin::localModel).toList();
        } catch (OllamaException e) {
            throw translate(e, null);
        }
    }

    ModelDetails show(String model) throws ModelServerException {
        try {
            ModelDetail detail = ollama.getModelDetails(model);
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
        } catch (OllamaException e) {
            throw translate(e, model);
        }
    }

    void delete(String model) throws ModelServerException {
        try {
            ollama.deleteModel(model, false);
        } catch (OllamaException e) {
            throw translate(e, model);
        }
    }

    private static LocalModel localModel(Model model) {
        ModelMeta meta = model.getModelMeta();
        return new LocalModel(model.getName(),
                Optional.ofNullable(meta).map(ModelMeta::getFamily).filter(s -> !s.isBlank()),
                Optional.ofNullable(meta).map(ModelMeta::getParameterSize).filter(s -> !s.isBlank()),
                Optional.ofNullable(meta).map(ModelMeta::getQuantizationLevel).filter(s -> !s.isBlank()),
                model.getSize(), model.getDigest(),
                Optional.ofNullable(model.getModifiedAt()).map(time -> time.toInstant()));
    }

    private ModelServerException translate(OllamaException e, String model) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return errors.unreachable(e);
            }
            if (cause instanceof HttpTimeoutException) {
                return errors.timeout(settings.adminTimeout(), "answer", e);
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (model != null && message.toLowerCase(Locale.ROOT).contains("not found")) {
            return errors.status(404, "{\"error\":" + OllamaWire.JSON.valueToTree(message) + "}", model);
        }
        return new ModelServerException(Kind.SERVER_ERROR, "Ollama at " + settings.baseUri() + " failed: "
                + (message.isBlank() ? "no details" : message) + ".", message, e);
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
