package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Before any Start, a lab says what this machine lacks for its services, in the words Start would use: here
 * Docker is pointed at a socket that does not exist and the Python at one that cannot import FastAPI.
 */
class PreflightTest {
    @TempDir
    Path data;

    private static final LabDefinition ALL = ServiceTestSupport.lab("all-services", null, false,
            ServiceSpec.of(ServiceType.FASTAPI), ServiceSpec.of(ServiceType.QDRANT), ServiceSpec.of(ServiceType.OLLAMA));

    private Map<String, String> withoutDockerOrFastApi() throws IOException {
        Path python = data.resolve("python-without-fastapi");
        Files.writeString(python, "#!/bin/sh\nexit 1\n");
        assumeTrue(python.toFile().setExecutable(true), "cannot make a fake python here");
        Map<String, String> environment = ServiceTestSupport.withoutDocker(data);
        environment.put(PythonProbe.ENVIRONMENT_VARIABLE, python.toString());
        return environment;
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void aMachineWithoutDockerPythonOrOllamaIsToldEachMissingPieceAndItsFix() throws Exception {
        URI nobody = closedPort();
        try (OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(nobody));
             LabServices services = new LabServices(LabServicesSettings.defaults(data, () -> gateway)
                     .withEnvironment(withoutDockerOrFastApi()))) {
            List<Unavailable> missing = services.preflight(ALL);

            assertThat(missing).extracting(Unavailable::type)
                    .containsExactly(ServiceType.FASTAPI, ServiceType.QDRANT, ServiceType.OLLAMA);
            assertThat(missing.get(0).message()).contains("no Python on this machine has FastAPI and uvicorn")
                    .contains("pip install fastapi uvicorn").contains("steps that do not need FastAPI still run");
            assertThat(missing.get(1).message()).contains("Qdrant runs in Docker, and Docker is not running here")
                    .contains("https://docs.docker.com/get-docker/");
            assertThat(missing.get(2).message()).contains("No Ollama server answers at " + nobody)
                    .contains("ollama serve");
        }
    }

    @Test
    void anOllamaServerThatAnswersIsNotMissing() throws Exception {
        try (FakeOllama fake = FakeOllama.start();
             OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
             LabServices services = new LabServices(LabServicesSettings.defaults(data, () -> gateway)
                     .withEnvironment(withoutDockerOrFastApi()))) {
            LabDefinition ollamaOnly = ServiceTestSupport.lab("ollama-only", null, false,
                    ServiceSpec.of(ServiceType.OLLAMA));

            assertThat(services.preflight(ollamaOnly)).isEmpty();
        }
    }
}
