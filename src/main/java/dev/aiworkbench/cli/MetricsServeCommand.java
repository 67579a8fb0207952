package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.observability.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code workbench metrics serve}: /metrics on 127.0.0.1 until stopped. */
@Command(name = "serve", description = "Serve /metrics in Prometheus text format on 127.0.0.1 until stopped (Ctrl+C). "
        + "Each scrape reads the record of every call, so calls made by the app or by other commands show too.")
final class MetricsServeCommand extends Verb implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "" + MetricsServer.DEFAULT_PORT,
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new CommandFailure("--port takes a number from 0 to 65535, not " + port + ".", Cli.USAGE);
        }
        try (Workbench workbench = openWorkbench()) {
            MetricsServer server;
            try {
                server = workbench.observability().serveMetrics(port);
            } catch (IllegalStateException e) {
                throw new CommandFailure(e.getMessage(), Cli.FAILED);
            }
            try (server) {
                out().println("Serving metrics at " + server.uri() + " (127.0.0.1 only); stop with Ctrl+C.");
                out().println("Point Prometheus at it with: scrape_configs: [{job_name: workbench, static_configs: "
                        + "[{targets: ['127.0.0.1:" + server.port() + "']}]}]");
                out().flush();
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                // Interrupted is how an embedding caller stops the endpoint; Ctrl+C ends the process instead.
                Thread.currentThread().interrupt();
            }
            return Cli.OK;
        }
    }
}
