package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.labs.LabCheckReport;
import dev.aiworkbench.labs.LabProgress;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.labs.SolveReport;
import dev.aiworkbench.labs.TrustRequest;
import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.ImagePullSnapshot;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.labs.services.LabRunRecord;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.PullSnapshot;
import dev.aiworkbench.labs.services.ServiceListener;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.labs.services.ServiceStatus;
import dev.aiworkbench.llm.PullBoard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

@Command(name = "lab", description = "Hands-on labs: start their services, check your work, apply the reference solution.",
        subcommands = {LabCommand.ListLabs.class, LabCommand.Start.class, LabCommand.Check.class, LabCommand.Stop.class,
                LabCommand.Solve.class, LabCommand.Test.class},
        exitCodeListHeading = "%nExit codes of check and test:%n",
        exitCodeList = {"0:every check passed", "1:a check failed (the message says what to do next)",
                "2:usage error or bad input", "3:a service the checks need is not running or cannot run here"})
final class LabCommand {
    /** How long `lab stop` waits for the process that runs the lab to stop it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration PULL_EVERY = Duration.ofMillis(500);

    private LabCommand() {
    }

    /** The lab, or a usage error naming the labs there are. */
    static LabDefinition lab(Labs labs, String id) {
        try {
            return labs.lab(id);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), Cli.USAGE);
        }
    }

    /** Trusts the pack version when asked to; otherwise fails, listing what trusting it allows. */
    static void requireTrust(Labs labs, boolean trust, java.io.PrintWriter err) {
        if (labs.trusted()) {
            return;
        }
        TrustRequest request = labs.trustRequest();
        if (trust) {
            labs.trust();
            err.println("Trusted the labs of " + request.packId() + " " + request.packVersion() + ".");
            return;
        }
        StringBuilder message = new StringBuilder("The labs of " + request.packId() + " " + request.packVersion()
                + " start containers and run commands on this machine:");
        request.containers().forEach(c -> message.append("\n  container ").append(c));
        request.commands().forEach(c -> message.append("\n  command   ").append(c));
        message.append("\nRead them, then run the command again with --trust to trust this pack version.");
        throw new CommandFailure(message.toString(), Cli.USAGE);
    }

    /** Prints state changes, log lines and pull progress (twice a second at most) as they happen, prefixed with the service. */
    static ServiceListener printer(java.io.PrintWriter out) {
        return new ServiceListener() {
            private long lastPull = System.nanoTime() - PULL_EVERY.toNanos();
            private final Map<ServiceType, Long> lastImagePull = new java.util.EnumMap<>(ServiceType.class);

            @Override
            public void onImagePull(ServiceType service, ImagePullSnapshot pull) {
                synchronized (out) {
                    long now = System.nanoTime();
                    Long last = lastImagePull.get(service);
                    boolean finished = pull.phase() == ImagePullSnapshot.Phase.DONE;
                    if (!finished && last != null && now - last < PULL_EVERY.toNanos()) {
                        return;
                    }
                    lastImagePull.put(service, now);
                    out.println("[" + service.id() + "] " + pull.describe());
                    out.flush();
                }
            }

            @Override
            public void onPull(String model, PullBoard board) {
                synchronized (out) {
                    long now = System.nanoTime();
                    if (now - lastPull < PULL_EVERY.toNanos()) {
                        return;
                    }
                    lastPull = now;
                    out.println("[ollama] " + PullSnapshot.of(model, board).describe());
                    out.flush();
                }
            }

            @Override
            public void onState(ServiceState state) {
                synchronized (out) {
                    out.println("[" + state.type().id() + "] " + state.status().name().toLowerCase(Locale.ROOT) + ": "
                            + state.message());
                    out.flush();
                }
            }

            @Override
            public void onLog(LogLine line) {
                synchronized (out) {
                    out.println("[" + line.service().id() + "] " + line.text());
                    out.flush();
                }
            }
        };
    }

    /**
     * Starts a lab's services and waits until each has settled, printing what they do meanwhile.
     *
     * @param keepPrinting whether their logs keep coming after the start (the foreground `lab start`)
     */
    static LabRun start(Labs labs, String id, java.io.PrintWriter out, boolean keepPrinting) {
        LabRun run = labs.open(id);
        ServiceListener printer = printer(out);
        run.addListener(printer);
        try {
            run.start().join();
        } catch (CompletionException e) {
            throw new CommandFailure("Could not start lab " + id + ": " + cause(e).getMessage(), Cli.FAILED);
        } finally {
            if (!keepPrinting) {
                run.removeListener(printer);
            }
        }
        return run;
    }

    private static Throwable cause(CompletionException e) {
        return e.getCause() == null ? e : e.getCause();
    }

    /** The services' addresses and what stops any of them, as the learner needs them to go on. */
    static void printServices(LabRun run, java.io.PrintWriter out) {
        out.println();
        out.println("Workspace: " + run.workspace());
        for (ServiceState state : run.states().values()) {
            out.println(state.type().id() + ": " + state.status().name().toLowerCase(Locale.ROOT) + " - " + state.message());
            for (ServiceState.Address address : state.addresses()) {
                out.println("  " + address.label() + ": " + address.value());
            }
            state.snippet().ifPresent(snippet -> {
                out.println("  Connect from Python:");
                snippet.lines().forEach(line -> out.println("    " + line));
            });
        }
        out.flush();
    }

    /** Prints a check report; returns the exit code the issue names (0 all pass, 1 a failure, 3 a missing service). */
    static int report(LabCheckReport report, boolean json, java.io.PrintWriter out) {
        if (json) {
            out.println(Json.write(json(report)));
        } else {
            for (LabCheckReport.StepResults step : report.steps()) {
                out.println(step.step().title() + " (" + step.step().id() + ")");
                for (CheckResult result : step.results()) {
                    out.printf(Locale.ROOT, "  %-5s %s: %s%n", result.status().name().toLowerCase(Locale.ROOT),
                            result.checkId(), result.message());
                }
            }
            LabProgress progress = report.progress();
            out.println();
            out.println("Lab " + report.labId() + ": " + progress.passed() + " of " + progress.total()
                    + " checks pass.");
            if (!report.missingServices().isEmpty()) {
                out.println("Not running: " + String.join(", ", report.missingServices())
                        + ". Start the lab with `workbench lab start " + report.labId()
                        + "` (or from the Labs screen), then check again.");
            }
            if (!report.marked().isEmpty()) {
                out.println("Marked done in your plan: " + String.join(", ", report.marked()) + ".");
            }
        }
        if (!report.missingServices().isEmpty()) {
            return Cli.SERVER_UNAVAILABLE;
        }
        return report.allPassed() ? Cli.OK : Cli.FAILED;
    }

    private static Map<String, Object> json(LabCheckReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lab", report.labId());
        json.put("passed", report.allPassed());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (LabCheckReport.StepResults step : report.steps()) {
            for (CheckResult result : step.results()) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("step", step.step().id());
                check.put("check", result.checkId());
                check.put("status", result.status().name().toLowerCase(Locale.ROOT));
                check.put("message", result.message());
                check.put("tookMs", result.took().toMillis());
                check.put("at", result.at().toString());
                checks.add(check);
            }
        }
        json.put("checks", checks);
        json.put("progress", Map.of("passed", report.progress().passed(), "total", report.progress().total()));
        json.put("missingServices", report.missingServices());
        json.put("marked", report.marked());
        return json;
    }

    @Command(name = "list", description = "The labs of the pack, with their weeks, services and progress.")
    static final class ListLabs extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "Print the labs as JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Labs labs = workbench.labs();
                List<Row> rows = labs.catalog().definitions().stream().map(lab -> new Row(lab, labs.progress(lab.id()),
                        labs.services().records().find(lab.id()).isPresent())).toList();
                if (json) {
                    out().println(Json.write(rows.stream().map(Row::json).toList()));
                    return Cli.OK;
                }
                out().printf(Locale.ROOT, "%-28s %-10s %-22s %-22s %s%n", "LAB", "WEEKS", "SERVICES", "STATUS", "TITLE");
                for (Row row : rows) {
                    LabDefinition lab = row.lab();
                    List<String> services = row.services();
                    out().printf(Locale.ROOT, "%-28s %-10s %-22s %-22s %s%n", lab.id(),
                            lab.weeks().isEmpty() ? "-" : LabDefinition.span(lab.weeks(), "-", ","),
                            services.isEmpty() ? "-" : String.join(",", services),
                            row.progress().label() + (row.running() ? ", running" : ""), lab.title());
                }
                return Cli.OK;
            }
        }

        /** One lab as the list shows it. */
        private record Row(LabDefinition lab, LabProgress progress, boolean running) {
            List<String> services() {
                return lab.services().stream().map(ServiceSpec::type).map(t -> t.id()).toList();
            }

            Map<String, Object> json() {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", lab.id());
                item.put("title", lab.title());
                item.put("weeks", lab.weeks());
                item.put("services", services());
                item.put("steps", lab.steps().size());
                item.put("passed", progress.passed());
                item.put("checks", progress.total());
                item.put("status", progress.label());
                item.put("running", running);
                return item;
            }
        }
    }

    @Command(name = "start", description = "Start a lab's services and keep them running until Ctrl+C or "
            + "`workbench lab stop`, like `docker compose up`.")
    static final class Start extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<lab>", description = "The lab's id (see `workbench lab list`).")
        String id;

        @Option(names = "--trust", description = "Trust the pack version's labs to start containers and run commands.")
        boolean trust;

        @Override
        public Integer call() throws InterruptedException {
            try (Workbench workbench = openWorkbench()) {
                Labs labs = workbench.labs();
                lab(labs, id);
                Optional<LabRunRecord> elsewhere = labs.services().runningElsewhere(id);
                if (elsewhere.isPresent()) {
                    throw new CommandFailure("Lab " + id + " already runs in process " + elsewhere.get().pid()
                            + "; stop it there, or with `workbench lab stop " + id + "`.", Cli.FAILED);
                }
                requireTrust(labs, trust, err());
                LabRun run = start(labs, id, out(), true);
                printServices(run, out());
                if (!run.active()) {
                    err().println("None of the lab's services runs here; see above for what is missing.");
                    return Cli.SERVER_UNAVAILABLE;
                }
                out().println();
                out().println("Lab " + id + " is running. Check your work with `workbench lab check " + id
                        + "` in another terminal; stop with Ctrl+C or `workbench lab stop " + id + "`.");
                out().flush();
                // The services' own shutdown hook stops them on Ctrl+C or SIGTERM; a stop request from
                // `lab stop` stops the run, which ends this wait.
                while (run.active()) {
                    Thread.sleep(250);
                }
                out().println("Lab " + id + " stopped.");
                return Cli.OK;
            }
        }
    }

    @Command(name = "check", description = "Check your work against the running lab (started here, by the app or by "
            + "`workbench lab start`).")
    static final class Check extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<lab>", description = "The lab's id.")
        String id;

        @Option(names = "--step", paramLabel = "<step>", description = "Check only this step.")
        String step;

        @Option(names = "--json", description = "Print the results as JSON.")
        boolean json;

        @Option(names = "--trust", description = "Trust the pack version's labs to run commands (command checks).")
        boolean trust;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Labs labs = workbench.labs();
                lab(labs, id);
                if (trust) {
                    requireTrust(labs, true, err());
                }
                try {
                    return report(labs.check(id, Optional.ofNullable(step)), json, out());
                } catch (IllegalStateException e) {
                    throw new CommandFailure(e.getMessage(), Cli.USAGE);
                }
            }
        }
    }

    @Command(name = "stop", description = "Stop a lab that another process started (the app or `workbench lab start`).")
    static final class Stop extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<lab>", description = "The lab's id.")
        String id;

        @Override
        public Integer call() throws IOException, InterruptedException {
            try (Workbench workbench = openWorkbench()) {
                Labs labs = workbench.labs();
                lab(labs, id);
                Optional<LabRunRecord> running = labs.services().records().find(id);
                if (running.isEmpty()) {
                    out().println("Lab " + id + " is not running.");
                    return Cli.OK;
                }
                out().println("Asking process " + running.get().pid() + " to stop lab " + id + "…");
                out().flush();
                if (!labs.services().records().requestStop(id, STOP_WAIT)) {
                    throw new CommandFailure("Process " + running.get().pid() + " did not stop lab " + id + " within "
                            + STOP_WAIT.toSeconds() + " s; stop it there (Ctrl+C), or end that process.", Cli.FAILED);
                }
                out().println("Lab " + id + " stopped.");
                return Cli.OK;
            }
        }
    }

    @Command(name = "solve", description = "Apply the reference solution to the lab's workspace; files it replaces are "
            + "kept in .workbench-backup/. A running FastAPI service reloads.")
    static final class Solve extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<lab>", description = "The lab's id.")
        String id;

        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        public Integer call() throws IOException {
            try (Workbench workbench = openWorkbench()) {
                Labs labs = workbench.labs();
                LabDefinition lab = lab(labs, id);
                if (!lab.hasSolution()) {
                    throw new CommandFailure("Lab " + id + " has no reference solution.", Cli.USAGE);
                }
                if (!yes && !confirmed("Replace your work in lab " + id + " with the reference solution? Your files are "
                        + "kept in .workbench-backup/.", "No answer on standard input; pass --yes to apply the solution "
                        + "without asking.")) {
                    out().println("Nothing changed.");
                    return Cli.FAILED;
                }
                SolveReport report = labs.solve(id);
                if (report.written().isEmpty()) {
                    out().println("The workspace " + report.workspace() + " already holds the reference solution.");
                } else {
                    out().println("Wrote " + report.written().size() + " file(s) into " + report.workspace() + ": "
                            + String.join(", ", report.written()) + ".");
                }
                if (!report.backedUp().isEmpty()) {
                    out().println("Your versions of " + String.join(", ", report.backedUp()) + " are kept in "
                            + report.backup() + ".");
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "test", description = "Start the lab, check it, stop it: one go, for CI. Exits like check.")
    static final class Test extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<lab>", description = "The lab's id.")
        String id;

        @Option(names = "--trust", description = "Trust the pack version's labs to start containers and run commands.")
        boolean trust;

        @Option(names = "--json", description = "Print the results as JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Labs labs = workbench.labs();
                lab(labs, id);
                requireTrust(labs, trust, err());
                LabRun run = start(labs, id, err(), false);
                try {
                    for (ServiceState state : run.states().values()) {
                        if (state.status() != ServiceStatus.RUNNING) {
                            err().println(state.type().id() + ": " + state.message());
                        }
                    }
                    return report(labs.check(id, Optional.empty()), json, out());
                } finally {
                    run.stop().join();
                }
            }
        }
    }
}
