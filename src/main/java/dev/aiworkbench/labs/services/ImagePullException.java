package dev.aiworkbench.labs.services;

import java.time.Duration;

/** An image the engine could not download, and why, in the engine's words where it gave any. */
final class ImagePullException extends Exception {
    /** What went wrong, for the advice that follows. */
    enum Kind {
        /** No answer within the stall limit: a registry that cannot be reached, or a proxy that swallows traffic. */
        STALLED,
        /** The registry answered that it has no such image (or tag). */
        NOT_FOUND,
        /** The registry wants a login the engine does not have. */
        DENIED,
        /** Anything else the engine said: no network, a name that does not resolve, a refused connection. */
        FAILED
    }

    private final String image;
    private final Kind kind;

    ImagePullException(String image, Kind kind, String reason) {
        super(reason);
        this.image = image;
        this.kind = kind;
    }

    static ImagePullException stalled(String image, Duration limit) {
        return new ImagePullException(image, Kind.STALLED, "Docker got no answer from the registry within "
                + limit.toSeconds() + " s");
    }

    /** Sorts the engine's message: a missing image and a refused login need other advice than a network. */
    static ImagePullException fromEngine(String image, String message) {
        String text = message == null || message.isBlank() ? "the engine gave no reason" : oneLine(message);
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        Kind kind;
        if (lower.contains("manifest unknown") || lower.contains("not found") && lower.contains("manifest")) {
            kind = Kind.NOT_FOUND;
        } else if (lower.contains("unauthorized") || lower.contains("denied") || lower.contains("authentication")) {
            kind = Kind.DENIED;
        } else {
            kind = Kind.FAILED;
        }
        return new ImagePullException(image, kind, text);
    }

    String image() {
        return image;
    }

    Kind kind() {
        return kind;
    }

    /** The engine's words, as short as a sentence can hold them. */
    String reason() {
        return getMessage();
    }

    private static String oneLine(String message) {
        String text = message.replaceAll("\\s+", " ").strip();
        // docker-java wraps the engine's JSON: {"message":"..."}
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("\\{\"message\":\"(.*)\"}").matcher(text);
        if (json.find()) {
            text = json.group(1).replace("\\\"", "\"");
        }
        text = text.replaceFirst("^Status \\d{3}: ", "");
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
