package dev.aiworkbench.cli;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "pack", description = "Work with curriculum packs.", subcommands = {PackCommand.Validate.class,
        PackNewCommand.class, PackLintCommand.class, PackBundleCommands.Build.class, PackBundleCommands.Keygen.class,
        PackBundleCommands.Sign.class, PackBundleCommands.Verify.class, PackInstallCommands.Install.class,
        PackInstallCommands.ListInstalled.class, PackInstallCommands.Use.class, PackInstallCommands.Remove.class,
        PackTrustCommands.Trust.class, PackTrustCommands.Trusted.class, PackTrustCommands.Distrust.class})
final class PackCommand {

    @Command(name = "validate", description = "Check a pack folder or zip and print every problem as file:line:col: message.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the pack is valid (warnings allowed)", "1:the pack has errors", "2:usage error"})
    static final class Validate extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<folder|zip>", description = "The pack to check.")
        Path pack;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (!Files.exists(pack)) {
                throw new CommandFailure(pack + " does not exist; give the path of a pack folder or .zip", Cli.USAGE);
            }
            LoadResult result = load();
            if (json) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("pack", pack.toString());
                report.put("valid", result.valid());
                report.put("errors", result.errorCount());
                report.put("warnings", result.warningCount());
                report.put("problems", result.problems().stream().map(p -> {
                    Map<String, Object> problem = new LinkedHashMap<>();
                    problem.put("file", p.file());
                    problem.put("line", Math.max(1, p.line()));
                    problem.put("column", Math.max(1, p.column()));
                    problem.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
                    problem.put("message", p.message());
                    return problem;
                }).toList());
                out().println(Json.write(report));
            } else {
                result.problems().forEach(p -> out().println(p));
                out().println(result.valid()
                        ? result.pack().map(p -> p.id() + " " + p.info().version() + ": valid, " + p.phases().size()
                        + " phases, " + p.weeks().size() + " weeks, " + p.workItems().size() + " items"
                        + (p.assessments().isEmpty() ? "" : ", " + p.assessments().size() + " assessments ("
                        + p.assessments().stream().mapToInt(a -> a.items().size()).sum() + " questions)")
                        + (result.warningCount() > 0 ? ", " + result.warningCount() + " warning(s)" : "")).orElse("valid")
                        : result.errorCount() + " error(s), " + result.warningCount() + " warning(s)");
            }
            return result.valid() ? Cli.OK : Cli.FAILED;
        }

        private LoadResult load() throws IOException {
            try (PackLocation location = PackLocation.open(pack)) {
                return new PackLoader(AppInfo.version()).load(location);
            } catch (PackAccessException e) {
                return new LoadResult(Optional.empty(), List.of(Problem.error(new SourcePosition(pack.toString(), 1, 1),
                        e.getMessage())));
            }
        }
    }
}
