package dev.aiworkbench.labs.definition;

import java.util.Locale;

/** The services a lab can ask for. */
public enum ServiceType {
    OLLAMA, QDRANT, FASTAPI;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceType fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
