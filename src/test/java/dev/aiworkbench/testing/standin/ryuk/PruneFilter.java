package dev.aiworkbench.testing.standin.ryuk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line a Ryuk client sends: a URL query of Docker filters, such as
 * {@code label=org.testcontainers%3Dtrue&label=org.testcontainers.sessionId%3Dabc} (Testcontainers URL-encodes each
 * {@code key=value} label). A resource matches when it matches every filter of the line, as in Docker's own
 * filters; the reaper removes what matches any line.
 *
 * @param args filter name (such as {@code label}) → the values it must match, in the order given
 */
record PruneFilter(Map<String, List<String>> args) {

    private static final ObjectMapper JSON = new ObjectMapper();

    PruneFilter {
        Map<String, List<String>> copy = new TreeMap<>();
        args.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        args = java.util.Collections.unmodifiableMap(copy);
    }

    /** Parses one line; a line without any filter, or with a part that has no {@code =}, is refused. */
    static PruneFilter parse(String line) {
        Map<String, List<String>> args = new TreeMap<>();
        for (String part : line.strip().split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not a filter (name=value): " + part);
            }
            args.computeIfAbsent(decode(part.substring(0, equals)), k -> new ArrayList<>())
                    .add(decode(part.substring(equals + 1)));
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no filter in the line");
        }
        return new PruneFilter(args);
    }

    /** The {@code filters} query parameter of the Docker Engine API's list calls, URL-encoded. */
    String query() {
        try {
            return "filters=" + URLEncoder.encode(JSON.writeValueAsString(args), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
