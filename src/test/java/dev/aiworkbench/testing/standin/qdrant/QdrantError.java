package dev.aiworkbench.testing.standin.qdrant;

/** A request Qdrant refuses: the HTTP status and the text of {@code {"status":{"error":...}}}. */
final class QdrantError extends RuntimeException {
    final int status;

    QdrantError(int status, String message) {
        super(message);
        this.status = status;
    }

    static QdrantError badRequest(String message) {
        return new QdrantError(400, "Wrong input: " + message);
    }

    static QdrantError format(String message) {
        return new QdrantError(400, "Format error in JSON body: " + message);
    }

    static QdrantError missingCollection(String name) {
        return new QdrantError(404, "Not found: Collection `" + name + "` doesn't exist!");
    }
}
