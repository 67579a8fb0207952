package dev.aiworkbench.llm.openai;

/**
 * Puts the lines of a {@code text/event-stream} back together into events, as the WHATWG rules for Server-Sent
 * Events have it: {@code data:} lines (one optional space after the colon) add to the event, several joined with a
 * newline; a blank line ends it; comments ({@code :} lines, e.g. keep-alives) and other fields ({@code event:},
 * {@code id:}, {@code retry:}) are ignored, because Chat Completions puts everything in the data. Not thread-safe:
 * one stream's reader uses it.
 */
final class ServerSentEvents {
    private final StringBuilder data = new StringBuilder();
    private boolean any;

    /** Takes one line (without its line break); returns the data of the event it ends, or null. */
    String line(String line) {
        if (line.isEmpty()) {
            return take();
        }
        if (line.startsWith("data:")) {
            int start = line.length() > 5 && line.charAt(5) == ' ' ? 6 : 5;
            if (any) {
                data.append('\n');
            }
            data.append(line, start, line.length());
            any = true;
        }
        return null;
    }

    /** The data of an event the stream ended without its blank line, or null. */
    String end() {
        return take();
    }

    private String take() {
        if (!any) {
            return null;
        }
        String event = data.toString();
        data.setLength(0);
        any = false;
        return event;
    }
}
