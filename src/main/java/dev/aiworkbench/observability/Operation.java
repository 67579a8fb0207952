package dev.aiworkbench.observability;

/** What a call asked of the model, named as the OpenTelemetry GenAI conventions name {@code gen_ai.operation.name}. */
public enum Operation {
    CHAT("chat"),
    TEXT_COMPLETION("text_completion"),
    EMBEDDINGS("embeddings");

    private final String id;

    Operation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Operation of(String id) {
        for (Operation operation : values()) {
            if (operation.id.equals(id)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + id + "'");
    }
}
