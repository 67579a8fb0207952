package dev.aiworkbench.cli;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.authoring.LintReport;
import dev.aiworkbench.authoring.PackLinter;
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

    @Override
    public Integer call() {
        if (!Files.exists(pack)) {
            throw new CommandFailure(pack + " does not exist; give the path of a pack folder or .zip", Cli.USAGE);
        }
        LintReport report = new PackLinter(AppInfo.version()).lint(pack);
        if (json) {
            out().println(Json.write(report.problems().stream().map(PackLintCommand::asJson).toList()));
        } else {
            report.problems().forEach(p -> out().println(line(p)));
            out().println(summary(report));
        }
        return report.passes() ? Cli.OK : Cli.FAILED;
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
