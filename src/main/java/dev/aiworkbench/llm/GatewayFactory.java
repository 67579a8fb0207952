package dev.aiworkbench.llm;

import java.net.URI;

/** Makes the gateway of one provider kind for a base URL and a key (which a kind that takes none ignores). */
@FunctionalInterface
public interface GatewayFactory {
    ModelGateway create(URI baseUrl, KeySupplier key);
}
