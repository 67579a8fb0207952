package dev.aiworkbench.providers;

import dev.aiworkbench.llm.KeySupplier;
import dev.aiworkbench.llm.ProviderKind;

import java.net.URI;

/**
 * A provider ready to call: where it is and its key, each with the place it came from so messages and Settings can
 * say why this address or key is in use.
 *
 * @param baseUriSource {@code --base-url}, {@code Settings}, an environment variable's name or {@code default}
 * @param key           looked up on first use; its source says where from, e.g. {@code the keychain}
 */
public record ResolvedProvider(String name, ProviderKind kind, URI baseUri, String baseUriSource, KeySupplier key) {
}
