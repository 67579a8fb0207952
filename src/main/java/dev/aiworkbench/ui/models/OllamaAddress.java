package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.OllamaEndpoint;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the Ollama server's address comes from and how a new one is kept, as the app's composition root answers.
 * Each of these may touch the disk, so they are called through a task executor.
 *
 * @param inUse the address in use and where it came from
 * @param saved the address saved in Settings, if any
 * @param save  saves an address (empty: forget the saved one); throws IllegalArgumentException for a bad one
 */
public record OllamaAddress(Supplier<OllamaEndpoint> inUse, Supplier<Optional<String>> saved,
                            Consumer<Optional<String>> save) {
}
