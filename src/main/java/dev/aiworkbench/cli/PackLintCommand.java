package dev.aiworkbench.cli;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.authoring.LintReport;
import dev.aiworkbench.authoring.PackLinter;
import dev.aiworkbench.authoring.RehearsedLab;
import dev.aiworkbench.diagnostics.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "lint",
        description = {"Check a pack folder or zip the way pack validate does, plus the authoring rules (kebab-case ids, "
                + "3-6 tasks a week whose hours add up, https links, lab checks that name their services, files "
                + "nothing uses). Prints every problem as file:line:col: severity: rule: message, errors first, "
                + "then a count line.",
                "--run-labs also runs every lab the pack uses, as a learner meets it, in a temporary folder: the "
                        + "starter must fail its checks and the reference solution must pass them. A lab whose "
                        + "services cannot run here (no Ollama server, no Docker for Qdrant, no Python with FastAPI "
                        + "and uvicorn) is skipped with the reason, as a warning, and never counts as passed. It "
                        + "starts the labs' services and runs their commands without asking for the trust a learner "
                        + "gives a pack: running it on your own pack is that trust, so do not run it on a pack you "
                        + "have not read.",
                "--json prints one JSON array of problems: editors and CI scripts parse it with one call of any JSON "
                        + "reader (lint prints nothing until it has checked the whole pack, so streaming JSON lines "
                        + "would gain nothing)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:the pack has errors", "2:usage error"})
final class PackLintCommand extends Verb implements Callable<Integer> {
    @Parameters(paramLabel = "<folder|zip>", description = "The pack to check.")
    Path pack;

    @Option(names = "--json", description = "Print the problems as a JSON array of {file, line, column, severity, "
            + "rule, message}.")
    boolean json;

    @Option(names = "--run-labs", description = "Also run each lab's starter (it must fail its checks) and reference "
            + "solution (it must pass them) where the lab's services can run here; the rest are skipped with the "
            + "reason. Runs the labs' commands without asking for lab trust: your running it is the trust.")
    boolean runLabs;

    @Override
    public Integer call() {
        if (!Files.exists(pack)) {
            throw new CommandFailure(pack + " does not exist; give the path of a pack folder or .zip", Cli.USAGE);
        }
        LintReport report = runLabs ? lintAndRunLabs() : new PackLinter(AppInfo.version()).lint(pack);
        if (json) {
            out().println(Json.write(report.problems().stream().map(PackLintCommand::asJson).toList()));
        } else {
            report.problems().forEach(p -> out().println(line(p)));
            if (runLabs) {
                out().println(labsLine(report));
            }
            out().println(summary(report));
        }
        return report.passes() ? Cli.OK : Cli.FAILED;
    }

    /** The workbench supplies the model server (its configured address) and the eval runner the labs' checks use. */
    private LintReport lintAndRunLabs() {
        try (Workbench workbench = openWorkbench()) {
            return new PackLinter(AppInfo.version()).lintAndRunLabs(pack, workbench.labRehearsal(line -> {
                err().println(line);
                err().flush();
            }));
        }
    }

    private static String labsLine(LintReport report) {
        return "Labs run: " + report.labCount(RehearsedLab.Verdict.PASSED) + " passed, "
                + report.labCount(RehearsedLab.Verdict.FAILED) + " failed, "
                + report.labCount(RehearsedLab.Verdict.SKIPPED) + " skipped (not run here, so not counted as passed)";
    }

    private static String line(Problem p) {
        return p.file() + ":" + Math.max(1, p.line()) + ":" + Math.max(1, p.column()) + ": " + severity(p) + ": "
                + p.rule() + ": " + p.message();
    }

    private static String summary(LintReport report) {
        if (!report.passes()) {
            return report.errorCount() + " error(s), " + report.warningCount() + " warning(s)";
        }
        return report.pack() + ": " + (report.warningCount() == 0 ? "lint clean"
                : "no errors, " + report.warningCount() + " warning(s)");
    }

    private static Map<String, Object> asJson(Problem p) {
        return Json.object("file", p.file(), "line", Math.max(1, p.line()), "column", Math.max(1, p.column()),
                "severity", severity(p), "rule", p.rule(), "message", p.message());
    }

    private static String severity(Problem p) {
        return p.severity().name().toLowerCase(Locale.ROOT);
    }
}
