package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.host.PythonProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The parts of the lab services that need no process or container: workspaces, probes, container settings. */
class WorkspaceAndPartsTest {
    @TempDir
    Path dir;

    @Test
    void aLabsQdrantVolumeBelongsToItsDataFolder() {
        Path other = dir.resolve("other-data");
        LabContext here = new LabContext("Rag Qdrant", LabServicesSettings.defaults(dir, ServiceTestSupport.noGateway()),
                dir, null, null, null, null, type -> Optional.empty(), null);
        LabContext again = new LabContext("Rag Qdrant", LabServicesSettings.defaults(dir,
                ServiceTestSupport.noGateway()), dir, null, null, null, null, type -> Optional.empty(), null);
        LabContext elsewhere = new LabContext("Rag Qdrant", LabServicesSettings.defaults(other,
                ServiceTestSupport.noGateway()), other, null, null, null, null, type -> Optional.empty(), null);

        String volume = here.volumeName("ai-workbench-qdrant");
        assertThat(volume).matches("ai-workbench-qdrant-rag-qdrant-[0-9a-f]{8}")
                .isEqualTo(again.volumeName("ai-workbench-qdrant"))
                .isNotEqualTo(elsewhere.volumeName("ai-workbench-qdrant"));
    }

    @Test
    void theStarterWinsOverTheStubButNeverOverAFileThatWasThere() throws IOException {
        Path stub = dir.resolve("stub");
        Path starter = dir.resolve("starter");
        Path workspace = dir.resolve("workspace");
        Files.createDirectories(stub.resolve("tests/__pycache__"));
        Files.createDirectories(starter.resolve("tests"));
        Files.writeString(stub.resolve("main.py"), "stub main");
        Files.writeString(stub.resolve("requirements.txt"), "fastapi");
        Files.writeString(stub.resolve("tests/test_app.py"), "stub test");
        Files.writeString(stub.resolve("tests/__pycache__/test_app.cpython-311.pyc"), "cache");
        Files.writeString(starter.resolve("main.py"), "starter main");
        Files.writeString(starter.resolve("tests/test_lab.py"), "starter test");

        WorkspaceReport first = WorkspaceFiles.prepare(workspace, Optional.of(stub), Optional.of(starter));

        assertThat(workspace.resolve("main.py")).hasContent("starter main");
        assertThat(first.copied()).containsExactly("main.py", "requirements.txt", "tests/test_app.py",
                "tests/test_lab.py");
        assertThat(first.kept()).isEmpty();
        assertThat(workspace.resolve("tests/__pycache__")).doesNotExist();
        assertThat(first.sentence()).startsWith("Copied 4 files into " + workspace);

        Files.writeString(workspace.resolve("main.py"), "the learner's main");
        Files.delete(workspace.resolve("requirements.txt"));
        WorkspaceReport second = WorkspaceFiles.prepare(workspace, Optional.of(stub), Optional.of(starter));

        assertThat(workspace.resolve("main.py")).hasContent("the learner's main");
        assertThat(workspace.resolve("requirements.txt")).hasContent("fastapi");
        assertThat(second.copied()).containsExactly("requirements.txt");
        assertThat(second.kept()).containsExactly("main.py", "tests/test_app.py", "tests/test_lab.py");
        assertThat(second.sentence()).contains("Kept 3 files you already had, unchanged: main.py, tests/test_app.py,"
                + " tests/test_lab.py.");
    }

    @Test
    void aMissingStubOrStarterIsSaidNotFailed() throws IOException {
        LabServicesSettings settings = LabServicesSettings.defaults(dir.resolve("data"), ServiceTestSupport.noGateway())
                .withEnvironment(Map.of());
        settings = new LabServicesSettings(settings.dataFolder(), settings.environment(), settings.appOllama(),
                settings.ollamaGateways(), Optional::empty, settings.images(), settings.ollamaVolume(),
                settings.keepQdrantData(), settings.localStartTimeout(), settings.containerStartTimeout(),
                settings.logLines(), settings.imagePullStall());
        LabDefinition lab = ServiceTestSupport.lab("no-files", "starter", true, ServiceSpec.of(ServiceType.FASTAPI));
        try (LabServices services = new LabServices(settings)) {
            WorkspaceReport report = services.prepareWorkspace(lab, dir.resolve("lab"));
            assertThat(report.copied()).isEmpty();
            assertThat(report.sentence()).contains("The FastAPI stub is not part of this build")
                    .contains("that should be copied is missing");
            assertThat(dir.resolve("data/workspaces/no-files")).isDirectory();
        }
    }

    @Test
    void aStarterOutsideTheLabIsRefused() {
        LabDefinition lab = ServiceTestSupport.lab("escape", "../elsewhere", false);
        try (LabServices services = new LabServices(LabServicesSettings.defaults(dir, ServiceTestSupport.noGateway()))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> services.prepareWorkspace(lab, dir.resolve("lab")))
                    .isInstanceOf(IOException.class).hasMessageContaining("outside the lab");
        }
    }

    @Test
    void theBundledStubIsFoundWhenTheBuildHasIt() {
        Optional<Path> stub = Stub.bundled();
        assumeTrue(stub.isPresent(), "this build has no labs/fastapi-stub yet");
        assertThat(stub.get().resolve("main.py")).exists();
    }

    @Test
    void dockerProbeSaysWhyWhenNothingListens() {
        DockerProbe.Result missing = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + dir.resolve("none.sock")),
                Duration.ofSeconds(1));
        assertThat(missing.running()).isFalse();
        assertThat(missing.detail()).contains("no Docker socket at");

        DockerProbe.Result scheme = DockerProbe.probe(Map.of("DOCKER_HOST", "ssh://somewhere"), Duration.ofSeconds(1));
        assertThat(scheme.running()).isFalse();
        assertThat(scheme.detail()).contains("scheme");
    }

    @Test
    void dockerProbeTalksToAnEngineOnAUnixSocket() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = Thread.ofPlatform().daemon().start(() -> {
                try (SocketChannel client = server.accept()) {
                    InputStream in = Channels.newInputStream(client);
                    byte[] request = new byte[256];
                    int read = in.read(request);
                    String text = new String(request, 0, Math.max(0, read), StandardCharsets.US_ASCII);
                    OutputStream out = Channels.newOutputStream(client);
                    out.write((text.startsWith("GET /_ping") ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"
                            : "HTTP/1.1 404 Not Found\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the test fails on the probe's answer
                }
            });
            DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + socket),
                    Duration.ofSeconds(5));
            engine.join(5_000);
            assertThat(result.running()).as(result.detail()).isTrue();
        }
    }

    @Test
    void dockerProbeGivesUpOnAnEngineThatNeverAnswers() throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            long start = System.nanoTime();
            DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + socket),
                    Duration.ofMillis(700));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.running()).isFalse();
            assertThat(result.detail()).contains("did not answer within");
            assertThat(tookMillis).isLessThan(5_000);
        }
    }

    @Test
    void dockerProbeTalksToAnEngineOverTcp() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_ping", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("OK".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        server.start();
        try {
            DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:"
                    + server.getAddress().getPort()), Duration.ofSeconds(5));
            assertThat(result.running()).as(result.detail()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void pythonProbeNamesAnOverrideThatCannotRun() {
        PythonProbe.Result result = PythonProbe.probe(Map.of(PythonProbe.ENVIRONMENT_VARIABLE,
                dir.resolve("no-such-python").toString()), Duration.ofSeconds(5));
        assertThat(result.hasFastApi()).isFalse();
        assertThat(result.detail()).contains("WORKBENCH_PYTHON is").contains("not a Python this app can run");
    }

    @Test
    void containerPortsArePublishedOnLoopbackOnlyAndVolumesMounted() {
        HostConfig host = new HostConfig();
        ExposedPort http = ExposedPort.tcp(6333);
        ExposedPort grpc = ExposedPort.tcp(6334);
        HostConfig[] set = {host};
        CreateContainerCmd command = (CreateContainerCmd) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{CreateContainerCmd.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHostConfig" -> set[0];
                    case "getExposedPorts" -> new ExposedPort[]{http, grpc};
                    case "withHostConfig" -> {
                        set[0] = (HostConfig) args[0];
                        yield proxy;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        int free = FreePorts.free();

        ContainerSupport.modifier(EngineAddress.LOCAL, Map.of(6333, free), Map.of("ai-workbench-test", "/qdrant/storage"))
                .accept(command);

        Map<ExposedPort, Ports.Binding[]> bindings = set[0].getPortBindings().getBindings();
        assertThat(bindings.get(http)).extracting(Ports.Binding::getHostIp).containsExactly("127.0.0.1");
        assertThat(bindings.get(http)).extracting(Ports.Binding::getHostPortSpec).containsExactly(String.valueOf(free));
        assertThat(bindings.get(grpc)).extracting(Ports.Binding::getHostIp).containsExactly("127.0.0.1");
        assertThat(bindings.get(grpc)[0].getHostPortSpec()).isNull();
        List<Bind> binds = Arrays.asList(set[0].getBinds());
        assertThat(binds).extracting(Bind::getPath).containsExactly("ai-workbench-test");
        assertThat(binds.get(0).getVolume().getPath()).isEqualTo("/qdrant/storage");
    }

    @Test
    void theQdrantSnippetConnectsWithTheKey() {
        String snippet = QdrantService.snippet(URI.create("http://127.0.0.1:6333"), 6334, Optional.of("s3cret"));
        assertThat(snippet).contains("from qdrant_client import QdrantClient")
                .contains("client = QdrantClient(url=\"http://127.0.0.1:6333\", api_key=\"s3cret\")")
                .contains("grpc_port=6334, prefer_grpc=True");
        assertThat(QdrantService.snippet(URI.create("http://127.0.0.1:6333"), 6334, Optional.empty()))
                .contains("QdrantClient(url=\"http://127.0.0.1:6333\")").doesNotContain("api_key");
    }

    @Test
    void modelNamesCompareWithTheirDefaultTag() {
        assertThat(OllamaService.canonical("llama3.2")).isEqualTo("llama3.2:latest");
        assertThat(OllamaService.canonical("llama3.2:latest")).isEqualTo("llama3.2:latest");
        assertThat(OllamaService.canonical("registry.ollama.ai/library/all-minilm")).isEqualTo("all-minilm:latest");
        assertThat(OllamaService.canonical("qwen2.5:0.5b")).isEqualTo("qwen2.5:0.5b");
        assertThat(OllamaService.canonical("example.com:5000/team/model")).isEqualTo("example.com:5000/team/model:latest");
    }

    @Test
    void theFastApiAppGetsTheAddressesOfTheOtherServices() {
        Map<String, String> environment = new HashMap<>();
        LabServicesSettings settings = LabServicesSettings.defaults(dir, ServiceTestSupport.noGateway())
                .withEnvironment(environment);
        LabDefinition lab = ServiceTestSupport.lab("env-lab", null, false,
                new ServiceSpec(ServiceType.OLLAMA, "llama3.2", "nomic-embed-text", null, null),
                new ServiceSpec(ServiceType.QDRANT, null, null, "key-1", null), ServiceSpec.of(ServiceType.FASTAPI));
        try (LabServices services = new LabServices(settings)) {
            LabRun run = services.open(lab, dir);
            LabContext context = run.fastapi().orElseThrow().context;
            Map<String, String> values = context.appEnvironment(false);
            // nothing runs yet: only what the lab says
            assertThat(values).containsEntry("WORKBENCH_LAB", "env-lab").containsEntry("OLLAMA_MODEL", "llama3.2")
                    .containsEntry("OLLAMA_EMBED_MODEL", "nomic-embed-text").containsEntry("QDRANT_API_KEY", "key-1")
                    .doesNotContainKeys("QDRANT_URL", "OLLAMA_HOST");
        }
    }
}
