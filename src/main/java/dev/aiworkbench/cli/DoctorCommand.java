package dev.aiworkbench.cli;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.SavedOllamaAddress;
import dev.aiworkbench.doctor.Check;
import dev.aiworkbench.doctor.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "doctor", description = "Check Java, the data folder, the database and pack, and the tools labs use "
        + "(Ollama, Docker, the lab images and their registry, Python with FastAPI), with how to fix anything missing.")
final class DoctorCommand extends Verb implements Callable<Integer> {
    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() {
        DataFolder folder = DataFolder.fromEnvironment(options().dataDir());
        List<Check> checks = Doctor.run(folder.path(), folder.database(),
                ClosedDataFolder.readPack(options()),
                SavedOllamaAddress.resolve(folder, options().ollamaUrl()), System.getenv());
        if (json) {
            out().println(Json.write(checks));
        } else {
            for (Check check : checks) {
                String mark = check.ok() ? "ok     " : check.required() ? "MISSING" : "missing";
                out().printf(Locale.ROOT, "%s  %-20s %s%n", mark, check.name(), check.detail());
                if (!check.ok()) {
                    out().printf(Locale.ROOT, "         %-20s fix: %s%n", "", check.fix());
                }
                out().flush();
            }
        }
        return checks.stream().anyMatch(c -> c.required() && !c.ok()) ? Cli.FAILED : Cli.OK;
    }
}
