package dev.aiworkbench.cli;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.doctor.Check;
import dev.aiworkbench.doctor.Doctor;
import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.DatabaseException;
import dev.aiworkbench.store.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "doctor", description = "Check Java, the data folder, the database and pack, and the tools labs use "
        + "(Ollama, Docker, Python with FastAPI), with how to fix anything missing.")
final class DoctorCommand extends Verb implements Callable<Integer> {
    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() {
        DataFolder folder = DataFolder.fromEnvironment(options().dataDir());
        List<Check> checks = Doctor.run(folder.path(), folder.database(),
                InstalledPack.load(options().pack(), AppInfo.version()), ollamaEndpoint(folder), System.getenv());
        if (json) {
            out().println(Json.write(checks));
        } else {
            for (Check check : checks) {
                String mark = check.ok() ? "ok     " : check.required() ? "MISSING" : "missing";
                out().printf(Locale.ROOT, "%s  %-20s %s%n", mark, check.name(), check.detail());
                if (!check.ok()) {
                    out().printf(Locale.ROOT, "         %-20s fix: %s%n", "", check.fix());
                }
            }
        }
        return checks.stream().anyMatch(c -> c.required() && !c.ok()) ? Cli.FAILED : Cli.OK;
    }

    /** The address the app would use, Settings included; without a readable database, the rest of the rules. */
    private OllamaEndpoint ollamaEndpoint(DataFolder folder) {
        if (Files.exists(folder.database())) {
            try (Database database = Database.open(folder.database())) {
                return OllamaEndpoint.resolve(options().ollamaUrl(),
                        new SettingsStore(database).get(Workbench.OLLAMA_URL_SETTING), System.getenv());
            } catch (DatabaseException e) {
                // the database check reports this; the address falls back to the other sources
            }
        }
        return OllamaEndpoint.fromEnvironment(options().ollamaUrl());
    }
}
