package dev.aiworkbench.cli;

import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.JsonReportWriter;
import dev.aiworkbench.eval.report.JunitReportWriter;
import dev.aiworkbench.eval.report.MarkdownReportWriter;
import dev.aiworkbench.eval.report.ShardMerge;
import dev.aiworkbench.eval.report.ShardReport;
import dev.aiworkbench.eval.report.ShardReportReader;
import dev.aiworkbench.eval.stats.GateSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "merge", description = "Join the JSON reports of a suite's shards (`eval run <suite> --shard K/N -o "
        + "<file>`) into one report with the statistics and gate a run of the whole suite would give.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed (or no gate)", "1:the gate blocked (with --gate)",
                "2:bad input (a report that cannot be read, shards of different runs, a missing shard)"})
final class EvalMergeCommand extends Verb implements Callable<Integer> {
    @Parameters(paramLabel = "<results.json>", arity = "1..*", description = "The shards' JSON reports.")
    List<Path> reports;

    @Option(names = "--gate", description = "Exit 1 when the gate blocks: the shards' gate (the suite's), or the "
            + "default one when they ran without.")
    boolean gate;

    @Option(names = "--allow-partial", description = "Merge even when shards are missing or did not finish; the "
            + "report says what it leaves out.")
    boolean allowPartial;

    @Option(names = {"-o", "--output"}, paramLabel = "<results.json>", description = "Write the merged report as JSON.")
    Path json;

    @Option(names = "--junit", paramLabel = "<results.xml>", description = "Write JUnit XML, one testcase per item.")
    Path junit;

    @Option(names = "--md", paramLabel = "<summary.md>", description = "Write a Markdown summary for a pull request.")
    Path markdown;

    @Override
    public Integer call() throws IOException {
        for (Path output : new Path[] {json, junit, markdown}) {
            if (output != null) {
                ReportOutputs.checkWritable(output);
            }
        }
        List<ShardReport> shards = new ArrayList<>();
        for (Path file : reports) {
            shards.add(read(file));
        }
        EvalReport merged;
        try {
            merged = ShardMerge.merge(shards, gate ? Optional.of(GateSpec.defaults()) : Optional.empty(), allowPartial);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), Cli.USAGE);
        }
        err().println("Merged " + shards.size() + " shard report" + (shards.size() == 1 ? "" : "s") + " ("
                + String.join(", ", merged.mergedFrom()) + ").");
        if (json != null) {
            ReportOutputs.write(json, JsonReportWriter.write(merged));
        }
        if (junit != null) {
            ReportOutputs.write(junit, JunitReportWriter.write(merged));
        }
        if (markdown != null) {
            ReportOutputs.write(markdown, MarkdownReportWriter.write(merged));
        }
        ReportOutputs.printSummary(out(), merged);
        return gate && merged.blocked() ? Cli.FAILED : Cli.OK;
    }

    private static ShardReport read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(file + " is not a file; give the JSON reports the shards wrote with -o.", Cli.USAGE);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new CommandFailure(file + " is not UTF-8 text; give the JSON reports the shards wrote with -o.",
                    Cli.USAGE);
        } catch (IOException e) {
            throw new CommandFailure("Cannot read " + file + " (" + e.getClass().getSimpleName() + "); check it exists "
                    + "and is readable.", Cli.USAGE);
        }
        try {
            return ShardReportReader.read(file.toString(), text);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), Cli.USAGE);
        }
    }
}
