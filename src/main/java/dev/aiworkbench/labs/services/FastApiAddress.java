package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.checks.ServiceEndpoints;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Where the learner's app answers, and what the service shows of it: the app, its API docs and its health check. */
record FastApiAddress(String host, int port) {
    URI at(String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    ServiceEndpoints endpoints() {
        return new ServiceEndpoints(Optional.of(at("")), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    List<ServiceState.Address> addresses() {
        return List.of(new ServiceState.Address("App", at("").toString()),
                new ServiceState.Address("API docs", at("/docs").toString()),
                new ServiceState.Address("Health", at(FastApiService.HEALTH).toString()));
    }
}
