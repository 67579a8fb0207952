package dev.aiworkbench.llm.anthropic;

import java.util.function.Supplier;

/**
 * The API key, read from its holder (the keychain, the environment) each time a request is made, so a key changed
 * in Settings is used from the next call on. It never appears in a string this class makes.
 */
final class ApiKey {
    private final Supplier<String> holder;

    ApiKey(Supplier<String> holder) {
        this.holder = holder;
    }

    /** The key without surrounding white space, or null when there is none (or its holder cannot give it). */
    String value() {
        try {
            String key = holder.get();
            return key == null || key.isBlank() ? null : key.strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The text with every occurrence of the key replaced, for words that came from elsewhere (a server, a proxy). */
    String scrub(String text) {
        String key = value();
        return text == null || key == null ? text : text.replace(key, "[the API key]");
    }

    @Override
    public String toString() {
        return "ApiKey[hidden]";
    }
}
