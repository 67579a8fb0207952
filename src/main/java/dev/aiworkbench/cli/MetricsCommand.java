package dev.aiworkbench.cli;

import picocli.CommandLine.Command;

/** {@code workbench metrics}: the workbench's calls for the learner's own Prometheus. */
@Command(name = "metrics", description = "The workbench's model calls as Prometheus metrics.",
        subcommands = MetricsServeCommand.class)
final class MetricsCommand {
}
