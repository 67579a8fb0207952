package dev.aiworkbench.llm;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A provider's API key. Only {@link #reveal()} gives the key, for the one header that carries it; everything that
 * prints, logs or serialises it (toString, Jackson) sees the last four characters only, so a key put in a record, an
 * exception or a report by mistake does not leak.
 */
public final class ApiKey {
    private static final int SHOWN = 4;
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException for a blank key or one with line breaks (it could split a header) */
    public static ApiKey of(String value) {
        String key = value == null ? "" : value.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the key is empty; paste the whole key");
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the key has a line break or control character in it; paste it on one "
                    + "line");
        }
        return new ApiKey(key);
    }

    /** The key itself, for the request header and the keychain only. */
    public String reveal() {
        return value;
    }

    /** {@code …abcd}: enough to tell two keys apart, too little to use one. */
    @JsonValue
    public String masked() {
        return "…" + value.substring(Math.max(0, value.length() - SHOWN));
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
