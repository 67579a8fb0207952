package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the learner reaches what an engine publishes, for engines here and on a team's build box. */
class EngineAddressTest {

    @Test
    void anEngineOnThisMachinePublishesOnLoopbackOnly() {
        assertThat(EngineAddress.of(URI.create("unix:///var/run/docker.sock"))).isEqualTo(EngineAddress.LOCAL);
        assertThat(EngineAddress.of(URI.create("npipe:////./pipe/docker_engine"))).isEqualTo(EngineAddress.LOCAL);
        assertThat(EngineAddress.of(URI.create("tcp://localhost:2375"))).isEqualTo(EngineAddress.LOCAL);
        assertThat(EngineAddress.of(URI.create("tcp://127.0.0.1:2375"))).isEqualTo(EngineAddress.LOCAL);
        assertThat(EngineAddress.LOCAL.url(6333)).isEqualTo("http://127.0.0.1:6333");
    }

    @Test
    void anEngineOnAnotherLoopbackAddressPublishesThereAndIsReachedThere() {
        EngineAddress engine = EngineAddress.of(URI.create("tcp://127.0.0.2:23750"));
        assertThat(engine).isEqualTo(new EngineAddress("127.0.0.2", "127.0.0.2", false));
        assertThat(engine.hostPort(6334)).isEqualTo("127.0.0.2:6334");
    }

    @Test
    void aRemoteEnginePublishesOnItsMachineAndIsReachedAtItsHostName() {
        EngineAddress engine = EngineAddress.of(URI.create("tcp://build-box.example.com:2376"));
        assertThat(engine.remote()).isTrue();
        assertThat(engine.bind()).isEqualTo("0.0.0.0");
        assertThat(engine.url(6333)).isEqualTo("http://build-box.example.com:6333");
        assertThat(EngineAddress.of(URI.create("tcp://10.20.30.40:2375")).host()).isEqualTo("10.20.30.40");
    }

    @Test
    void aRemoteEnginesPortsAreAskedForWithoutLookingAtThisMachine() {
        HostConfig[] set = {new HostConfig()};
        ExposedPort http = ExposedPort.tcp(6333);
        CreateContainerCmd command = (CreateContainerCmd) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{CreateContainerCmd.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHostConfig" -> set[0];
                    case "getExposedPorts" -> new ExposedPort[]{http};
                    case "withHostConfig" -> {
                        set[0] = (HostConfig) args[0];
                        yield proxy;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            ContainerSupport.modifier(EngineAddress.of(URI.create("tcp://build-box:2376")),
                    Map.of(6333, taken.getLocalPort()), Map.of()).accept(command);
            Ports.Binding binding = set[0].getPortBindings().getBindings().get(http)[0];
            assertThat(binding.getHostIp()).isEqualTo("0.0.0.0");
            assertThat(binding.getHostPortSpec()).isEqualTo(String.valueOf(taken.getLocalPort()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
