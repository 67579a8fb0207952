package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.host.DockerProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The labs on another Docker engine, as on a team's build box: a second engine started here with its own data,
 * listening on TCP at 127.0.0.2 (another address than the one a local engine publishes on), given the Qdrant image
 * by {@code docker save | docker load}. A process with DOCKER_HOST pointing at it starts a Qdrant lab, which must
 * run on that engine and be shown, and reached, at 127.0.0.2. Skips, saying why, where the first engine does not
 * run, has no Qdrant image to copy, or a second engine cannot start.
 */
@Tag("docker")
class RemoteEngineTest {
    @TempDir
    Path dir;

    @Test
    void aLabOnAnotherEngineIsShownAndReachedAtThatEnginesAddress() throws Exception {
        DockerProbe.Result docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(3));
        skipUnless(docker.running(), "Docker is not running here (" + docker.detail() + ")");
        String image = ServiceImages.DEFAULT.qdrant();
        skipUnless(run(Duration.ofSeconds(30), Map.of(), "docker", "image", "inspect", image).exit() == 0,
                "the engine has no " + image + " to copy to a second engine (the stand-in images provide one)");

        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            port = free.getLocalPort();
        } catch (IOException e) {
            skipUnless(false, "127.0.0.2 cannot be bound here (" + e.getMessage() + ")");
            return;
        }
        String host = "tcp://127.0.0.2:" + port;
        Path root = Files.createTempDirectory(Path.of("/tmp"), "pf-engine-");
        // A bridge of its own: with --bridge none, dockerd deletes docker0, the default bridge of this machine's
        // engine, and every later container there on it (Ryuk's among them) fails to start.
        String bridge = "aiwb" + port;
        boolean hadDefaultBridge = run(Duration.ofSeconds(10), Map.of(), "ip", "link", "show", "docker0").exit() == 0;
        Result madeBridge = run(Duration.ofSeconds(10), Map.of(), "ip", "link", "add", "name", bridge, "type", "bridge");
        skipUnless(madeBridge.exit() == 0, "a network bridge for a second engine cannot be made here ("
                + madeBridge.output().strip() + ")");
        Process engine = new ProcessBuilder("dockerd", "--data-root", root.resolve("data").toString(),
                "--exec-root", root.resolve("exec").toString(), "--pidfile", root.resolve("dockerd.pid").toString(),
                "-H", host, "--bridge", bridge, "--iptables=false", "--ip-masq=false")
                .redirectErrorStream(true).redirectOutput(root.resolve("dockerd.log").toFile()).start();
        try {
            Map<String, String> there = Map.of("DOCKER_HOST", host);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (run(Duration.ofSeconds(5), there, "docker", "info").exit() != 0) {
                skipUnless(engine.isAlive() && System.nanoTime() < deadline, "a second Docker engine did not start"
                        + " here: " + tail(root.resolve("dockerd.log")));
                Thread.sleep(300);
            }
            Result copied = run(Duration.ofMinutes(2), there, "sh", "-c", "docker -H " + docker.endpoint()
                    + " save " + image + " | docker load");
            assertThat(copied.exit()).as(copied.output()).isZero();

            Map<String, String> environment = new HashMap<>(there);
            environment.put(ContainerImages.RYUK_DISABLED, "true"); // the second engine has no Ryuk image
            Result lab = run(Duration.ofMinutes(3), environment, javaBinary(), "-cp",
                    System.getProperty("java.class.path"), RemoteEngineLab.class.getName(), dir.toString());

            String out = lab.output();
            assertThat(lab.exit()).as(out).isZero();
            assertThat(RemoteEngineLab.lines(out, "STATUS")).as(out).containsExactly("RUNNING");
            assertThat(RemoteEngineLab.lines(out, "ADDRESS")).as(out)
                    .anySatisfy(a -> assertThat(a).startsWith("HTTP http://127.0.0.2:"))
                    .anySatisfy(a -> assertThat(a).startsWith("gRPC 127.0.0.2:"))
                    .noneSatisfy(a -> assertThat(a).contains("127.0.0.1"));
            assertThat(RemoteEngineLab.lines(out, "ANSWER")).as(out).containsExactly("200");
            assertThat(RemoteEngineLab.lines(out, "STOPPED")).as(out).containsExactly("STOPPED");
            assertThat(RemoteEngineLab.lines(out, "LEFT")).as(out).containsExactly("0");
            String labId = RemoteEngineLab.lines(out, "LAB").getFirst();
            assertThat(run(Duration.ofSeconds(30), Map.of(), "docker", "ps", "-aq", "--filter",
                    "label=" + ContainerSupport.LAB_LABEL + "=" + labId).output().lines()
                    .filter(l -> !l.isBlank()).count()).as("nothing ran on this machine's engine").isZero();
        } finally {
            engine.destroy();
            if (!engine.waitFor(30, TimeUnit.SECONDS)) {
                engine.destroyForcibly().waitFor();
            }
            run(Duration.ofMinutes(1), Map.of(), "rm", "-rf", root.toString());
            run(Duration.ofSeconds(10), Map.of(), "ip", "link", "del", bridge);
        }
        if (hadDefaultBridge) {
            assertThat(run(Duration.ofSeconds(10), Map.of(), "ip", "link", "show", "docker0").exit())
                    .as("this machine's engine keeps its default bridge").isZero();
        }
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("Skipping RemoteEngineTest: " + reason + ".");
        }
        assumeTrue(condition, reason);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Duration limit, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("pf-command-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // The build points Testcontainers at 127.0.0.1 (its engine's ports); a learner's remote engine is elsewhere.
            builder.environment().remove("TESTCONTAINERS_HOST_OVERRIDE");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, String.join(" ", command) + " timed out: " + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
