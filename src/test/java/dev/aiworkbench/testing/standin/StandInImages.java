package dev.aiworkbench.testing.standin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.services.ServiceImages;
import dev.aiworkbench.testing.standin.ollama.OllamaStandIn;
import dev.aiworkbench.testing.standin.qdrant.QdrantStandIn;
import dev.aiworkbench.testing.standin.ryuk.RyukStandIn;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Makes sure the Docker engine has an image under each name the lab services use
 * ({@link ServiceImages#DEFAULT}), so the container tests run where no registry can be reached: where the name is
 * absent, a local stand-in is built from files this machine already has ({@link QdrantStandIn},
 * {@link OllamaStandIn}, {@link PythonStandInImage}, and Testcontainers' tiny image, {@link ShellStandInImage}),
 * never pushed, and rebuilt only when its inputs change. Testcontainers' reaper, Ryuk ({@value #RYUK_IMAGE}),
 * gets one too ({@link RyukStandIn}), so the tests run with Ryuk on, as the product does.
 * Runs once per test JVM, before the first class that uses it; does nothing where no engine answers (the
 * container tests then skip and say why). A class whose code reaches the container library must use it: with
 * Ryuk on, the library's first call starts Ryuk's image.
 *
 * <p>It is a condition, not a {@code @BeforeAll}, so it runs before Testcontainers' own condition
 * ({@code disabledWithoutDocker}) when declared above {@code @Testcontainers}: that condition starts Ryuk, and
 * takes any failure to do so for "no Docker", skipping the class. Where the engine runs but the library cannot
 * start Ryuk, this fails the class instead, with the library's reason.
 */
public final class StandInImages implements ExecutionCondition {
    /** The Ryuk image Testcontainers 2.0.5 starts (TestcontainersConfiguration's ryuk.container.image default). */
    public static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
    /** The "tiny image" Testcontainers 2.0.5 starts to check bind mounts (tinyimage.container.image). */
    public static final String TINY_IMAGE = "alpine:3.17";
    /** How long the Ryuk stand-in waits for a client to reconnect before it removes what the client registered. */
    public static final String RYUK_RECONNECTION_TIMEOUT = "2s";

    private static Map<String, String> report;
    private static Optional<String> pythonUnavailable = Optional.empty();
    private static IOException failure;

    private static RuntimeException libraryFailure;
    private static boolean libraryChecked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Map<String, String> done;
        try {
            done = ensure();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building the stand-in images", e);
        }
        if (!done.isEmpty()) {
            requireContainerLibrary();
        }
        return ConditionEvaluationResult.enabled("the stand-in images are in the engine");
    }

    private static synchronized void requireContainerLibrary() {
        if (!libraryChecked) {
            libraryChecked = true;
            try {
                DockerClientFactory.instance().client();
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                libraryFailure = new IllegalStateException("Docker runs here, but Testcontainers cannot use it (it"
                        + " starts Ryuk, " + RYUK_IMAGE + ", first): " + root.getMessage() + ". Fix the engine (its"
                        + " log says more) rather than letting the container tests skip as if there were no Docker.",
                        e);
            }
        }
        if (libraryFailure != null) {
            throw libraryFailure;
        }
    }

    /** Builds what is missing (once per JVM) and returns a line per image saying what was done. */
    public static synchronized Map<String, String> ensure() throws IOException, InterruptedException {
        if (failure != null) {
            throw failure;
        }
        if (report != null) {
            return report;
        }
        DockerProbe.Result docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(5));
        if (!docker.running()) {
            report = Map.of();
            return report;
        }
        ServiceImages images = ServiceImages.DEFAULT;
        Map<String, String> done = new java.util.LinkedHashMap<>();
        try {
            done.put(RYUK_IMAGE, ensure(ryuk(RYUK_IMAGE)));
            done.put(images.qdrant(), ensure(qdrant(images.qdrant())));
            done.put(images.ollama(), ensure(ollama(images.ollama())));
            done.put(TINY_IMAGE, ensure(new ShellStandInImage(TINY_IMAGE)));
            pythonUnavailable = PythonStandInImage.unavailable();
            if (pythonUnavailable.isEmpty()) {
                done.put(images.python(), ensure(new PythonStandInImage(images.python())));
            } else if (DockerImages.find(images.python()).isPresent()) {
                pythonUnavailable = Optional.empty();
                done.put(images.python(), "present (" + images.python() + " as the engine has it)");
            } else {
                done.put(images.python(), "not built: " + pythonUnavailable.get());
            }
        } catch (IOException e) {
            failure = new IOException("Could not build the stand-in images for the container tests: "
                    + e.getMessage(), e);
            throw failure;
        }
        done.forEach((name, what) -> System.out.println("Stand-in image " + name + ": " + what));
        report = Map.copyOf(done);
        return report;
    }

    /** Skips the calling test, saying why, when the engine has no Python image and none could be made here. */
    public static void assumePythonImage() throws IOException, InterruptedException {
        ensure();
        assumeTrue(pythonUnavailable.isEmpty(), () -> "no Python image for the FastAPI container: "
                + pythonUnavailable.orElse(""));
    }

    private static String ensure(StandInImage image) throws IOException, InterruptedException {
        long started = System.nanoTime();
        StandInImage.Outcome outcome = image.ensure();
        double seconds = (System.nanoTime() - started) / 1e9;
        return switch (outcome) {
            case BUILT -> String.format(Locale.ROOT, "built in %.1f s", seconds);
            case CACHED -> String.format(Locale.ROOT, "up to date (checked in %.1f s)", seconds);
            case REAL_IMAGE -> "the engine has the real image; using it";
        };
    }

    static StandInImage qdrant(String name) {
        return new JavaStandInImage(name, QdrantStandIn.class,
                List.of("dev/aiworkbench/testing/standin/qdrant/"), jackson(),
                Map.of("STANDIN_VERSION", tag(name).replaceFirst("^v", ""),
                        "QDRANT__STORAGE__STORAGE_PATH", "/qdrant/storage"),
                List.of(6333, 6334)).image();
    }

    static StandInImage ollama(String name) {
        return new JavaStandInImage(name, OllamaStandIn.class,
                List.of("dev/aiworkbench/testing/standin/ollama/", "dev/aiworkbench/testing/FakeOllama"), jackson(),
                Map.of("STANDIN_VERSION", tag(name), "OLLAMA_HOST", "0.0.0.0:11434",
                        "OLLAMA_MODELS", "/root/.ollama/models", "HOME", "/root"),
                List.of(11434)).image();
    }

    /**
     * Ryuk waits 10 s for a client to come back; the stand-in waits 2 s, so a test that kills a process sees the
     * clean-up soon. Testcontainers holds its connection open for the whole JVM, so only a dead JVM is affected.
     */
    static StandInImage ryuk(String name) {
        return new JavaStandInImage(name, RyukStandIn.class, List.of("dev/aiworkbench/testing/standin/ryuk/"),
                jackson(), Map.of("RYUK_RECONNECTION_TIMEOUT", RYUK_RECONNECTION_TIMEOUT), List.of(8080)).image();
    }

    private static List<Class<?>> jackson() {
        return List.of(ObjectMapper.class, JsonFactory.class, JsonProperty.class);
    }

    private static String tag(String name) {
        return name.substring(name.lastIndexOf(':') + 1);
    }

}
