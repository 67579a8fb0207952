package dev.aiworkbench.testing.standin.ollama;

import dev.aiworkbench.testing.FakeOllama;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for the Ollama server, for tests on machines that cannot pull {@code ollama/ollama}: the test fake
 * ({@link FakeOllama}) listening where Ollama does, which pulls any model (quickly, with progress, from no
 * network) and keeps the list of pulled models in the models folder, so a Docker volume there keeps them as it
 * keeps real models. The stand-in image runs {@link #main}: {@code OLLAMA_HOST} (port 11434) and
 * {@code OLLAMA_MODELS} ({@code /root/.ollama/models}) as Ollama reads them; {@code STANDIN_VERSION} is the
 * version it reports, the image's tag.
 */
public final class OllamaStandIn {
    private OllamaStandIn() {
    }

    /** Starts the fake on {@code address} with the models recorded under {@code models}, pulling any other. */
    public static FakeOllama start(InetSocketAddress address, Path models, String version, PrintStream log)
            throws IOException {
        PulledModels pulled = new PulledModels(models);
        FakeOllama fake = new FakeOllama(address).version(version);
        for (String name : pulled.names()) {
            PulledModels.shape(fake, name);
        }
        fake.pullsUnknownModels(script -> script.layers(PulledModels.sizeOf(script.name()), 1_024)
                .steps(4).stepDelay(Duration.ofMillis(25))
                .installs(model -> {
                    PulledModels.shape(fake, model.name());
                    pulled.add(model.name());
                    log.println("time=now level=INFO msg=\"pulled model\" model=" + model.name());
                }));
        log.println("time=now level=INFO source=routes.go msg=\"Ollama stand-in for tests; models listed in "
                + models + ": " + pulled.names() + "\"");
        log.println("time=now level=INFO source=routes.go msg=\"Listening on [::]:" + fake.port() + " (version "
                + version + ")\"");
        return fake;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        String host = env.getOrDefault("OLLAMA_HOST", "0.0.0.0:11434");
        int port = Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
        FakeOllama fake = start(new InetSocketAddress("0.0.0.0", port),
                Path.of(env.getOrDefault("OLLAMA_MODELS", "/root/.ollama/models")),
                env.getOrDefault("STANDIN_VERSION", FakeOllama.DEFAULT_VERSION), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "ollama-stand-in-stop"));
        // the fake's threads are daemons: the main thread keeps the process alive until it is stopped
        new CountDownLatch(1).await();
    }
}
