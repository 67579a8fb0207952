package dev.aiworkbench.authoring;

import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.testing.LabHostTools;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the --run-labs tests share: a machine without Docker or Ollama, the local Python, and what is left behind. */
final class RunLabsSupport {
    private static PythonProbe.Result python;

    private RunLabsSupport() {
    }

    /** Skips the test, saying why, when no local Python has FastAPI and uvicorn (asked once per test run). */
    static synchronized void needsPythonWithFastApi(String what) {
        if (python == null) {
            python = PythonProbe.probe(System.getenv(), Duration.ofSeconds(20));
        }
        PythonProbe.Result found = python;
        if (!found.hasFastApi()) {
            System.out.println("No local Python has FastAPI and uvicorn (" + found.detail() + "): skipping " + what
                    + ". Install python3-fastapi, python3-uvicorn and python3-pytest to run it.");
        }
        assumeTrue(found.hasFastApi(), () -> "no local Python has FastAPI and uvicorn: " + found.detail());
    }

    /**
     * Skips the test, saying why, when a lab it runs needs a tool this machine lacks (promtool, prometheus_client):
     * a rehearsal here would report that lab's solution failing for the machine's sake, not the lab's.
     */
    static void needsTheToolsOfTheLabs(List<String> labIds, String what) {
        needsPythonWithFastApi(what);
        Optional<String> missing = LabHostTools.missingForAny(labIds, python.python());
        missing.ifPresent(reason -> System.out.println("Skipping " + what + ": " + reason + "."));
        assumeTrue(missing.isEmpty(), () -> missing.orElseThrow());
    }

    /** This process's environment with Docker pointed at a socket that does not exist. */
    static Map<String, String> withoutDocker(Path folder) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("DOCKER_HOST", "unix://" + folder.resolve("no-docker.sock"));
        environment.remove("DOCKER_TLS_VERIFY");
        return environment;
    }

    /** An address where no server answers. */
    static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** The temporary folders rehearsals made that are still there. */
    static Set<Path> rehearsalFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("workbench-run-labs-"))
                    .collect(Collectors.toSet());
        }
    }

    /** The processes this JVM started that are still alive, by command line. */
    static List<String> processesLeft() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(String.valueOf(p.pid()))).toList();
    }
}
