package dev.aiworkbench.llm.anthropic;

import java.util.Optional;

/**
 * Reads a Server-Sent Events stream line by line, as the HTML standard's parsing rules say: {@code event:} and
 * {@code data:} fields (one optional space after the colon), several data lines joined by a line feed, comments
 * (a leading colon) and other fields ignored, an event dispatched by the blank line after it. Not thread-safe:
 * one stream's lines arrive in order on one thread at a time.
 */
final class ServerSentEvents {
    /** One event: its name ("message" when the stream gave none) and its data. */
    record Event(String name, String data) {
    }

    private String name;
    private final StringBuilder data = new StringBuilder();
    private boolean anyData;

    /** Takes one line, without its line ending; gives the event that a blank line completes. */
    Optional<Event> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (anyData) {
                    data.append('\n');
                }
                data.append(value);
                anyData = true;
            }
            default -> {
                // id, retry and unknown fields mean nothing to a one-off answer stream
            }
        }
        return Optional.empty();
    }

    private Optional<Event> dispatch() {
        Optional<Event> event = anyData
                ? Optional.of(new Event(name == null || name.isEmpty() ? "message" : name, data.toString()))
                : Optional.empty();
        name = null;
        data.setLength(0);
        anyData = false;
        return event;
    }
}
