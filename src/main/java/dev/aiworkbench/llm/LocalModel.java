package dev.aiworkbench.llm;

import java.time.Instant;
import java.util.Optional;

/** A model on the server's disk. Fields the server left out are empty, never invented. */
public record LocalModel(String name, Optional<String> family, Optional<String> parameterSize,
                         Optional<String> quantization, long sizeBytes, String digest, Optional<Instant> modifiedAt) {
}
