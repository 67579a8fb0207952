package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.llm.ModelGateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Labs, apps and waits the service tests share. */
final class ServiceTestSupport {
    /** A tiny FastAPI app: /health, and a line on stdout at import so the log has something of its own. */
    static final String APP = """
            from fastapi import FastAPI

            print("tiny app imported", flush=True)
            app = FastAPI()


            @app.get("/health")
            def health():
                return {"status": "ok"}
            """;

    private ServiceTestSupport() {
    }

    static LabDefinition lab(String id, String starter, boolean stub, ServiceSpec... services) {
        return new LabDefinition(id, "Test lab " + id, "A lab for the service tests.", List.of(1), List.of(),
                List.of(services), List.of(), starter, null, stub, "labs/" + id);
    }

    /** A stub folder holding the tiny app as main.py and a README. */
    static Path stub(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("tests"));
        Files.writeString(folder.resolve("main.py"), APP);
        Files.writeString(folder.resolve("README.md"), "# stub\n");
        Files.writeString(folder.resolve("tests/test_app.py"), "def test_nothing():\n    assert True\n");
        return folder;
    }

    /** This process's environment with Docker pointed at a socket that does not exist. */
    static Map<String, String> withoutDocker(Path missing) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("DOCKER_HOST", "unix://" + missing.resolve("no-docker.sock"));
        environment.remove("DOCKER_TLS_VERIFY");
        return environment;
    }

    static Supplier<ModelGateway> noGateway() {
        return () -> {
            throw new IllegalStateException("these tests use no model server");
        };
    }

    static LabServicesSettings settings(Path data, Path stub, Map<String, String> environment) {
        return LabServicesSettings.defaults(data, noGateway()).withEnvironment(environment).withStub(stub);
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static Optional<HttpResponse<String>> get(URI uri, Map<String, String> headers) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
            headers.forEach(request::header);
            return Optional.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Collects what a lab's services report, and on which threads. */
    static final class Recorder implements ServiceListener {
        final List<ServiceState> states = new CopyOnWriteArrayList<>();
        final List<LogLine> lines = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<String> pulls = new CopyOnWriteArrayList<>();

        @Override
        public void onState(ServiceState state) {
            states.add(state);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onLog(LogLine line) {
            lines.add(line);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onPull(String model, dev.aiworkbench.llm.PullBoard board) {
            pulls.add(model + " " + board.fraction().orElse(0));
        }

        boolean logged(String text) {
            return lines.stream().anyMatch(l -> l.text().contains(text));
        }
    }
}
