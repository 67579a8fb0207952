package dev.aiworkbench.llm;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What the last check of the model server found.
 *
 * @param version the server's version when it answered
 * @param problem the sentence to show when it did not (with how to fix it)
 */
public record ServerStatus(URI server, boolean reachable, Optional<String> version, Optional<String> problem,
                           Instant checkedAt) {

    public static ServerStatus reachable(URI server, String version, Instant at) {
        return new ServerStatus(server, true, Optional.ofNullable(version), Optional.empty(), at);
    }

    public static ServerStatus unreachable(URI server, String problem, Instant at) {
        return new ServerStatus(server, false, Optional.empty(), Optional.of(problem), at);
    }
}
