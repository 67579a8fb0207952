package dev.aiworkbench.cli;

import picocli.CommandLine.Command;

/** {@code workbench usage}: what the workbench's model calls added up to. */
@Command(name = "usage", description = "What the workbench's model calls added up to: calls, errors, tokens, cost and "
        + "latency, from the record of every call.", subcommands = {UsageReportCommand.class, UsageBudgetsCommand.class})
final class UsageCommand {
}
