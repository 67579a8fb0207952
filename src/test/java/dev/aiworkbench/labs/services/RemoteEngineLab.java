package dev.aiworkbench.labs.services;

import com.github.dockerjava.api.DockerClient;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run in a process of its own by {@link RemoteEngineTest}, with DOCKER_HOST pointing at another engine (the
 * container library reads it once per process): starts a Qdrant-only lab there, reaches it at the address it shows,
 * stops it, and prints what it saw, a fact a line, for the test to check.
 */
public final class RemoteEngineLab {
    private RemoteEngineLab() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String labId = "remote-engine-" + Long.toHexString(System.nanoTime());
        LabDefinition lab = ServiceTestSupport.lab(labId, null, false,
                new ServiceSpec(ServiceType.QDRANT, null, null, null, null));
        LabServicesSettings settings = LabServicesSettings.defaults(data, ServiceTestSupport.noGateway())
                .withKeepQdrantData(false);
        try (LabServices services = new LabServices(settings)) {
            System.out.println("LAB " + labId);
            LabRun run = services.open(lab, data);
            run.start().get(3, TimeUnit.MINUTES);
            ServiceState state = run.qdrant().orElseThrow().state();
            System.out.println("STATUS " + state.status());
            System.out.println("SENTENCE " + state.message());
            for (ServiceState.Address address : state.addresses()) {
                System.out.println("ADDRESS " + address.label() + " " + address.value());
            }
            URI url = run.endpoints().qdrant().orElse(URI.create("http://none"));
            System.out.println("ANSWER " + ServiceTestSupport.get(url.resolve("/readyz"), Map.of())
                    .map(r -> String.valueOf(r.statusCode())).orElse("none"));
            run.stop().get(1, TimeUnit.MINUTES);
            System.out.println("STOPPED " + run.qdrant().orElseThrow().state().status());
            try (DockerClient client = DockerEngine.current().client()) {
                System.out.println("LEFT " + client.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(ContainerSupport.LAB_LABEL, labId)).exec().size());
            }
        }
        System.out.flush();
        System.exit(0);
    }

    static List<String> lines(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix + " ")).map(l -> l.substring(prefix.length() + 1))
                .toList();
    }
}
