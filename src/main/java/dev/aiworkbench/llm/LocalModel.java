package dev.aiworkbench.llm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A model on the server's disk. Fields the server left out are empty, never invented. */
public record LocalModel(String name, Optional<String> family, Optional<String> parameterSize,
                         Optional<String> quantization, long sizeBytes, String digest, Optional<Instant> modifiedAt) {

    /** One spelling per model, as Ollama resolves names: llama3.2 is llama3.2:latest, and library/x is x. */
    public static String canonicalName(String model) {
        String name = model.strip().toLowerCase(Locale.ROOT);
        for (String prefix : List.of("registry.ollama.ai/library/", "library/")) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        int slash = name.lastIndexOf('/');
        return name.indexOf(':', slash + 1) < 0 ? name + ":latest" : name;
    }
}
