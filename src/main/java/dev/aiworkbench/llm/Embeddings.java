package dev.aiworkbench.llm;

import java.util.List;
import java.util.OptionalInt;

/** One vector per input, in input order, with the server's token count when it gave one. */
public record Embeddings(String model, List<float[]> vectors, OptionalInt promptTokens) {
}
