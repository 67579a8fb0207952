package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.checks.ServiceEndpoints;
import dev.aiworkbench.labs.definition.ServiceType;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one lab service is doing now.
 *
 * @param sentence  what is happening, for the learner: "FastAPI answers at http://127.0.0.1:8123 …",
 *                  "Qdrant runs in Docker, and Docker is not running here (…)."
 * @param fix       what to do about it: the exact install or start step for an unavailable service, the next step
 *                  for a failed one; on a running service, a warning (a model that did not pull)
 * @param runner    how it runs: "uvicorn with /usr/bin/python3", "container qdrant/qdrant:v1.20.3",
 *                  "your Ollama server"; empty while unknown
 * @param endpoints where it answers, in the form checks use (only this service's fields are set)
 * @param addresses the same as labelled text to show and copy: HTTP, gRPC, API docs, dashboard
 * @param snippet   code to connect from Python (Qdrant), to copy
 * @param at        when it entered this state
 */
public record ServiceState(ServiceType type, ServiceStatus status, String sentence, Optional<String> fix,
                           String runner, ServiceEndpoints endpoints, List<Address> addresses,
                           Optional<String> snippet, Instant at) {

    /** A labelled address: {@code HTTP http://127.0.0.1:6333}. */
    public record Address(String label, String value) {
    }

    public ServiceState {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        sentence = sentence == null ? "" : sentence;
        fix = fix == null ? Optional.empty() : fix.filter(f -> !f.isBlank());
        runner = runner == null ? "" : runner;
        endpoints = endpoints == null ? ServiceEndpoints.NONE : endpoints;
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        snippet = snippet == null ? Optional.empty() : snippet;
        at = at == null ? Instant.now() : at;
    }

    /** The state of a service that has not been started. */
    public static ServiceState notStarted(ServiceType type) {
        return new ServiceState(type, ServiceStatus.STOPPED, "Not started.", Optional.empty(), "",
                ServiceEndpoints.NONE, List.of(), Optional.empty(), Instant.now());
    }

    public boolean running() {
        return status == ServiceStatus.RUNNING;
    }

    /** The sentence with its fix, as one paragraph. */
    public String message() {
        return fix.map(f -> sentence + " " + f).orElse(sentence);
    }

    ServiceState with(ServiceStatus newStatus, String newSentence, String newFix) {
        return new ServiceState(type, newStatus, newSentence, Optional.ofNullable(newFix), runner, endpoints,
                addresses, snippet, Instant.now());
    }

    ServiceState withRunner(String value) {
        return new ServiceState(type, status, sentence, fix, value, endpoints, addresses, snippet, at);
    }

    ServiceState withEndpoints(ServiceEndpoints value, List<Address> labelled, Optional<String> code) {
        return new ServiceState(type, status, sentence, fix, runner, value, labelled, code, at);
    }

    /** Keeps the runner, forgets where it answered: for stopped, failed-to-start and unavailable states. */
    ServiceState withoutEndpoints() {
        return new ServiceState(type, status, sentence, fix, runner, ServiceEndpoints.NONE, List.of(),
                Optional.empty(), at);
    }
}
