package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.JsonReportWriter;
import dev.aiworkbench.eval.report.JunitReportWriter;
import dev.aiworkbench.eval.report.MarkdownReportWriter;
import dev.aiworkbench.eval.report.MatrixReport;
import dev.aiworkbench.eval.run.EvalExecution;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Shard;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.suite.BundledSuites;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.GateCell;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.llm.ModelServerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

@Command(name = "eval", description = "Run eval suites with statistics and a gate, list stored runs, and follow a "
        + "suite's quality over its runs.",
        subcommands = {EvalCommand.Run.class, EvalMergeCommand.class, EvalCommand.Runs.class, EvalHistoryCommand.class,
                EvalCommand.Init.class})
final class EvalCommand {

    @Command(name = "run", description = "Run a suite (promptfoo's promptfooconfig.yaml format) on the local model and "
            + "score it: pass rate with its interval, the paired comparison with a baseline, and the gate.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:passed (or no gate)", "1:the gate blocked", "2:bad input (the suite, a baseline, an option)",
                    "3:the model server cannot be reached, or lacks a model the suite needs"})
    static final class Run extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<suite.yaml>")
        Path suiteFile;

        @Option(names = "--gate", description = "Apply the suite's gate (or the default: block a significant drop of "
                + "more than 2 points against the last run that passed) and exit 1 when it blocks.")
        boolean gate;

        @Option(names = "--baseline", paramLabel = "<run-id>|last-passed", description = "The run to compare with.")
        String baseline;

        @Option(names = "--gate-prompt", paramLabel = "<label>", description = "With several prompts or providers: "
                + "the gate guards only the cell of this prompt (its label); the suite's gate.cell.prompt otherwise.")
        String gatePrompt;

        @Option(names = "--gate-provider", paramLabel = "<id>|<label>", description = "With several prompts or "
                + "providers: the gate guards only the cell of this provider; the suite's gate.cell.provider otherwise.")
        String gateProvider;

        @Option(names = "--concurrency", paramLabel = "N", description = "Requests at once (the suite's "
                + "evaluateOptions.maxConcurrency, else 4).")
        Integer concurrency;

        @Option(names = "--repeat", paramLabel = "K", description = "Runs per item (the suite's repeat, else 1); "
                + "results are folded per item, never pooled.")
        Integer repeat;

        @Option(names = "--retries", paramLabel = "N", description = "Retries after a connection error, 429 or 5xx "
                + "(default 3).")
        int retries = EvalOptions.DEFAULT_RETRIES;

        @Option(names = "--timeout", paramLabel = "seconds", description = "For one answer (default 120).")
        long timeoutSeconds = EvalOptions.DEFAULT_REQUEST_TIMEOUT.toSeconds();

        @Option(names = "--script-timeout", paramLabel = "seconds", description = "For each javascript or python "
                + "assertion and transform call, e.g. 10 or 0.5 (the suite's evaluateOptions.scriptTimeoutMs, else 5 for "
                + "JavaScript and 30 for Python).")
        Double scriptTimeoutSeconds;

        @Option(names = "--resume", paramLabel = "<run-id>", description = "Continue an interrupted run without "
                + "repeating its finished cases.")
        String resume;

        @Option(names = "--shard", paramLabel = "K/N", description = "Run only part K of N of the items, so N jobs can "
                + "split a suite; an item's part follows from its key alone, so reordering the file or adding items "
                + "moves no other item. Each part is stored as a run of its own, compared with the same part of earlier "
                + "runs; `eval merge` joins the parts' JSON reports.")
        String shard;

        @Option(names = {"-o", "--output"}, paramLabel = "<results.json>", description = "Write the report as JSON.")
        Path json;

        @Mixin
        ProviderOptions providers = new ProviderOptions();

        @Option(names = "--junit", paramLabel = "<results.xml>", description = "Write JUnit XML, one testcase per item.")
        Path junit;

        @Option(names = "--md", paramLabel = "<summary.md>", description = "Write a Markdown summary for a pull request.")
        Path markdown;

        @Override
        public Integer call() throws ModelServerException, IOException, InterruptedException {
            try (Workbench workbench = openWorkbench()) {
                EvalSuite suite = load(workbench);
                List<Variant> variants = Variant.all(suite);
                if (resume != null && variants.size() > 1) {
                    throw new CommandFailure("--resume continues a run of one prompt on one provider; this suite runs "
                            + variants.size() + " cells (prompts × providers), so start it again", Cli.USAGE);
                }
                Optional<GateSpec> gateSpec = gate || suite.gate().isPresent()
                        ? Optional.of(suite.gate().orElse(GateSpec.defaults())) : Optional.empty();
                EvalOptions options = options(suite);
                checkInputs(workbench, suite, variants, gateSpec, options.shard());
                Optional<Variant> gated = gatedCell(suite, variants);
                // Several cells are one stored run, each cell a run within it; one cell is a run of its own.
                Optional<EvalRun> stored = variants.size() > 1
                        ? Optional.of(runner(workbench).startMatrix(suite, options)) : Optional.empty();
                stored.ifPresent(run -> err().printf(Locale.ROOT, "Run %s: %d cells (prompts × providers)%n", run.id(),
                        variants.size()));
                List<EvalReport> reports = new ArrayList<>();
                MatrixReport matrix;
                try {
                    for (Variant variant : variants) {
                        Optional<GateSpec> cellGate = gated.isEmpty() || gated.get().equals(variant) ? gateSpec
                                : Optional.empty();
                        EvalReport report = runOne(workbench, suite, variant, options, cellGate, stored);
                        ReportOutputs.printSummary(out(), report);
                        reports.add(report);
                        if (variants.size() > 1) {
                            // A later cell that fails leaves the cells so far in the report
                            writeOutputs(MatrixReport.of(reports, gatedRunId(reports, gated, variants)), reports);
                        }
                    }
                    matrix = MatrixReport.of(reports, gatedRunId(reports, gated, variants));
                } catch (Exception e) {
                    stored.ifPresent(run -> runner(workbench).finishMatrix(run, RunState.FAILED, null,
                            "a cell stopped: " + e.getMessage()));
                    throw e;
                }
                stored.ifPresent(run -> runner(workbench).finishMatrix(run, RunState.FINISHED,
                        gateSpec.isEmpty() ? null : matrix.blocked() ? "block" : "pass",
                        gateSpec.isEmpty() ? null : matrix.blocked() ? "a cell's gate blocked" : "every gated cell passed"));
                writeOutputs(matrix, reports);
                ReportOutputs.printComparisons(out(), matrix.comparisons());
                boolean blocked = matrix.blocked();
                return gate && blocked ? Cli.FAILED : Cli.OK;
            }
        }

        private EvalSuite load(Workbench workbench) {
            if (!Files.isRegularFile(suiteFile)) {
                throw new CommandFailure(suiteFile + " is not a file; give the path of a promptfooconfig.yaml", Cli.USAGE);
            }
            SuiteLoadResult loaded = workbench.suiteLoader().load(suiteFile);
            loaded.problems().forEach(p -> err().println(p));
            if (!loaded.valid()) {
                throw new CommandFailure("The suite has " + loaded.errorCount() + " error(s); nothing was run.", Cli.USAGE);
            }
            return loaded.suite().orElseThrow();
        }

        private EvalOptions options(EvalSuite suite) {
            try {
                return new EvalOptions(concurrency == null ? suite.maxConcurrency() : concurrency,
                        repeat == null ? suite.repeat() : repeat, retries, Duration.ofSeconds(timeoutSeconds),
                        Optional.ofNullable(resume), Optional.ofNullable(shard).map(Shard::parse),
                        Optional.ofNullable(scriptTimeoutSeconds).map(Run::scriptTimeout));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
        }

        private static Duration scriptTimeout(double seconds) {
            if (!(seconds > 0 && seconds <= 600)) {
                throw new IllegalArgumentException("--script-timeout is the seconds each script call may take, more "
                        + "than 0 and at most 600, not " + seconds);
            }
            return Duration.ofNanos(Math.max(1_000_000L, Math.round(seconds * 1e9)));
        }

        /**
         * Everything that can be refused is refused before the first model call, so a mistyped id or
         * path costs nothing; the checks that need the run itself (its fingerprint) stay where they are.
         */
        private void checkInputs(Workbench workbench, EvalSuite suite, List<Variant> variants,
                                 Optional<GateSpec> gateSpec, Optional<Shard> part) {
            try {
                workbench.evalReporter().checkBaseline(gateSpec, Optional.ofNullable(baseline));
                if (resume != null) {
                    runner(workbench).checkResume(suite, variants.get(0), part, resume);
                }
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
            for (Path output : new Path[] {json, junit, markdown}) {
                if (output != null) {
                    ReportOutputs.checkWritable(output);
                }
            }
        }

        /** The suite's models are asked of --provider when given, else of the local server. */
        private EvalRunner runner(Workbench workbench) {
            try {
                return providers.given() ? workbench.evalRunner(providers.choice()) : workbench.evalRunner();
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
        }

        private EvalReport runOne(Workbench workbench, EvalSuite suite, Variant variant, EvalOptions options,
                                  Optional<GateSpec> gateSpec, Optional<EvalRun> matrix)
                throws ModelServerException, InterruptedException {
            Progress progress = new Progress();
            EvalExecution execution;
            try {
                execution = matrix.isPresent()
                        ? runner(workbench).startCell(matrix.get(), suite, variant, options, progress)
                        : runner(workbench).start(suite, variant, options, progress);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
            err().printf(Locale.ROOT, "Run %s: %s on %s%s, %d cases, %d at a time%n", execution.run().id(),
                    execution.run().promptLabel(), execution.run().model(),
                    options.shard().map(part -> ", shard " + part).orElse(""), execution.run().totalCases(),
                    options.concurrency());
            Thread hook = new Thread(execution::cancel, "cancel-eval");
            Runtime.getRuntime().addShutdownHook(hook);
            EvalRun finished;
            try {
                finished = execution.done().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ModelServerException server) {
                    err().println("Run " + execution.run().id() + " stopped; the cases that finished are kept. Resume it "
                            + "with --resume " + execution.run().id() + " once the server answers.");
                    throw server;
                }
                throw new CommandFailure("The run failed: " + e.getCause().getMessage(), Cli.FAILED);
            } finally {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            try {
                return workbench.evalReporter().report(finished, gateSpec, Optional.ofNullable(baseline));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), Cli.USAGE);
            }
        }

        /** A line on stderr at most every couple of seconds (and at the end), with the count and an ETA. */
        private final class Progress implements dev.aiworkbench.eval.run.EvalProgress {
            private final long started = System.nanoTime();
            private long lastLine;
            private int failed;
            private int errors;
            private int startedWith = -1;

            @Override
            public synchronized void onCase(dev.aiworkbench.eval.run.CaseResult result, int done, int total) {
                if (startedWith < 0) {
                    startedWith = done - 1;
                }
                failed += !result.pass() && !result.errored() ? 1 : 0;
                errors += result.errored() ? 1 : 0;
                long now = System.nanoTime();
                if (done == total || now - lastLine > Duration.ofSeconds(2).toNanos()) {
                    lastLine = now;
                    double perCase = (now - started) / 1e9 / Math.max(1, done - startedWith);
                    long eta = Math.round(perCase * (total - done));
                    err().printf(Locale.ROOT, "[%d/%d] %d%%  %d failed, %d errors  ETA %dm%02ds%n", done, total,
                            100 * done / Math.max(1, total), failed, errors, eta / 60, eta % 60);
                }
            }
        }

        /**
         * The cell the gate guards: named by --gate-prompt/--gate-provider, else by the suite's gate.cell; empty when
         * the gate guards every cell.
         */
        private Optional<Variant> gatedCell(EvalSuite suite, List<Variant> variants) {
            Optional<GateCell> named = gatePrompt != null || gateProvider != null
                    ? Optional.of(new GateCell(Optional.ofNullable(gatePrompt), Optional.ofNullable(gateProvider), null))
                    : suite.gateCell();
            if (named.isEmpty()) {
                return Optional.empty();
            }
            named.get().problem(suite.cells()).ifPresent(problem -> {
                throw new CommandFailure("The " + problem.replaceFirst("^the ", "") + ".", Cli.USAGE);
            });
            return variants.stream().filter(v -> named.get().guards(v.prompt(suite), v.provider(suite))).findFirst();
        }

        private static Optional<String> gatedRunId(List<EvalReport> reports, Optional<Variant> gated,
                                                   List<Variant> variants) {
            return gated.map(variants::indexOf).filter(i -> i < reports.size()).map(i -> reports.get(i).run().id());
        }

        /** One JSON and one Markdown report for the suite; JUnit XML a file per cell (numbered after the first). */
        private void writeOutputs(MatrixReport matrix, List<EvalReport> reports) throws IOException {
            if (json != null) {
                ReportOutputs.write(json, JsonReportWriter.write(matrix));
            }
            if (markdown != null) {
                ReportOutputs.write(markdown, MarkdownReportWriter.write(matrix));
            }
            if (junit != null) {
                for (int i = 0; i < reports.size(); i++) {
                    ReportOutputs.write(i == 0 ? junit : suffixed(junit, i + 1), JunitReportWriter.write(reports.get(i)));
                }
            }
        }

        private static Path suffixed(Path path, int number) {
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String numbered = dot < 0 ? name + "-" + number : name.substring(0, dot) + "-" + number + name.substring(dot);
            return path.resolveSibling(numbered);
        }

    }

    @Command(name = "runs", description = "Stored eval runs, newest first, with their ids for --baseline and --resume.")
    static final class Runs extends Verb implements Callable<Integer> {
        @Option(names = "--suite", paramLabel = "<suite.yaml>", description = "Only the runs of this suite.")
        Path suite;

        @Option(names = "--limit", paramLabel = "N", description = "How many (default 50).")
        int limit = 50;

        @Option(names = "--json", description = "Print the runs as JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                String key = suite == null ? null : suite.toAbsolutePath().normalize().toString();
                List<EvalRun> runs = suite == null ? workbench.evalHistory().runs(null, limit)
                        : workbench.evalHistory().runs(null, 10_000).stream()
                        .filter(r -> r.suiteKey().equals(key) || r.suiteKey().startsWith(key + "#"))
                        .limit(limit).toList();
                Map<String, List<EvalRun>> cells = new LinkedHashMap<>();
                runs.forEach(run -> cells.put(run.id(), workbench.evalHistory().cells(run.id())));
                if (json) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (EvalRun run : runs) {
                        Map<String, Object> item = runJson(run);
                        if (!cells.get(run.id()).isEmpty()) {
                            item.put("cells", cells.get(run.id()).stream().map(Runs::runJson).toList());
                        }
                        list.add(item);
                    }
                    out().println(Json.write(list));
                    return Cli.OK;
                }
                if (runs.isEmpty()) {
                    out().println("No eval runs yet; start one with `workbench eval run <suite.yaml>`.");
                }
                for (EvalRun run : runs) {
                    out().println(line(run));
                    // A matrix run's cells, each a run within it (its id is the one --baseline takes for that cell).
                    cells.get(run.id()).forEach(cell -> out().println("  " + line(cell)));
                }
                return Cli.OK;
            }
        }

        private static String line(EvalRun run) {
            return String.format(Locale.ROOT, "%-26s %-9s %6s  %-5s  %s · %s · %s%s", run.id(), run.state().id(),
                    run.passRate() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", run.passRate() * 100),
                    run.gateDecision() == null ? "" : run.gateDecision(), run.suiteFile(), run.promptLabel(),
                    run.model(), Shard.ofKey(run.suiteKey()).map(part -> " · shard " + part).orElse(""));
        }

        private static Map<String, Object> runJson(EvalRun run) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("runId", run.id());
            item.put("suite", run.suiteFile());
            item.put("prompt", run.promptLabel());
            item.put("model", run.model());
            item.put("state", run.state().id());
            item.put("startedAt", run.startedAt().toString());
            item.put("items", run.items());
            item.put("passRate", run.passRate());
            item.put("gate", run.gateDecision());
            item.put("shard", Shard.ofKey(run.suiteKey()).map(Shard::toString).orElse(null));
            return item;
        }
    }

    @Command(name = "init", description = "Copy the eval suites that ship with the default pack into a folder you can "
            + "edit (default: the data folder's evals/). Files already there are kept.")
    static final class Init extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<folder>", arity = "0..1", description = "Where to put the suites.")
        Path folder;

        @Override
        public Integer call() throws IOException {
            Path target = folder != null ? folder
                    : dev.aiworkbench.app.DataFolder.fromEnvironment(options().dataDir()).path().resolve("evals");
            BundledSuites.Copied copied = BundledSuites.copyTo(target);
            for (Path suite : copied.suites()) {
                out().println(suite);
            }
            if (!copied.keptExisting().isEmpty()) {
                err().println("Kept " + copied.keptExisting().size() + " file(s) that were already there.");
            }
            out().println("Run one with `workbench eval run <suite>`; pull its model first (the suite names it).");
            return Cli.OK;
        }
    }
}
