package dev.aiworkbench.cli;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.providers.ProviderChoice;
import dev.aiworkbench.providers.Providers;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.KeyCheckingGateway;
import dev.aiworkbench.testing.MemoryKeychain;
import dev.aiworkbench.ui.settings.ProviderLine;
import dev.aiworkbench.ui.settings.ProviderOperations;
import dev.aiworkbench.ui.settings.ProvidersViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planted keys (one in the keychain through Settings, one refused by the server, one in the environment) go through
 * Settings and the command line, in runs that succeed and runs that fail; then the data folder (the SQLite files
 * dumped as text and read raw, logs, backups, exports), the eval reports and everything printed are searched for
 * them. Only the last four characters may show.
 */
class KeyLeakTest {
    private static final String KEYCHAIN_KEY = "sk-planted-keychain-7Q2x9Lm4Vb-abcd";
    private static final String REFUSED_KEY = "sk-planted-refused-3Hk6Np0vTe-lmno";
    private static final String ENVIRONMENT_KEY = "sk-planted-environment-5Rt8Wq1zPa-wxyz";
    private static final List<String> PLANTED = List.of(KEYCHAIN_KEY, REFUSED_KEY, ENVIRONMENT_KEY);

    @TempDir
    Path temp;
    private EvalHarness h;
    private final MemoryKeychain keychain = MemoryKeychain.available();
    private ProviderSetup setup;
    private final StringBuilder shown = new StringBuilder();

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        setup = ProviderSetup.system().withEnvironment(Map.of("OPENAI_API_KEY", ENVIRONMENT_KEY)).withKeychain(keychain)
                .withGateway(ProviderKind.OPENAI, KeyCheckingGateway.accepting(Set.of(KEYCHAIN_KEY, ENVIRONMENT_KEY),
                        KeyCheckingGateway.seenKeys()));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void noPlantedKeyIsWrittenPrintedOrReportedAnywhere() throws Exception {
        Path data = temp.resolve("data");
        String hosted = h.fake.baseUrl() + "/v1";
        settings(data, hosted);
        CliHarness cli = new CliHarness(data, Clock.systemDefaultZone(), setup);
        Path suite = h.writeSuite(3, 1);
        Path reports = Files.createDirectories(temp.resolve("reports"));

        List<CliHarness.Run> runs = new ArrayList<>();
        runs.add(expect(0, cli.run("prompt", "run", "--template", "Answer for item {{n}}", "--var", "n=1", "--model",
                EvalHarness.MODEL, "--provider", "gpu-box", "--json")));
        runs.add(expect(3, cli.run("prompt", "run", "--template", "Answer for item {{n}}", "--var", "n=2", "--model",
                EvalHarness.MODEL, "--provider", "bad-box")));
        runs.add(expect(0, cli.run("prompt", "run", "--template", "Hi", "--model", EvalHarness.MODEL, "--provider",
                "openai", "--base-url", hosted)));
        runs.add(expect(0, cli.run("models", "list", "--provider", "gpu-box", "--json")));
        runs.add(expect(3, cli.run("models", "list", "--provider", "bad-box")));
        runs.add(expect(0, cli.run("eval", "run", suite.toString(), "--provider", "gpu-box",
                "-o", reports.resolve("report.json").toString(), "--junit", reports.resolve("report.xml").toString(),
                "--md", reports.resolve("report.md").toString())));
        runs.add(expect(3, cli.run("eval", "run", suite.toString(), "--provider", "bad-box",
                "-o", reports.resolve("refused.json").toString())));
        runs.add(expect(0, cli.run("usage", "report", "--json")));
        runs.add(expect(0, cli.run("progress", "export", temp.resolve("reports/progress.json").toString())));
        runs.forEach(run -> shown.append(run.out()).append(run.err()));

        assertThat(shown.toString()).contains("…abcd").contains("…lmno");
        assertNoKeyIn("what Settings and the command line showed", shown.toString());
        try (Database database = Database.open(data.resolve("workbench.db"))) {
            assertNoKeyIn("the database dumped as text", DatabaseDump.of(database));
        }
        for (Path folder : List.of(data, reports)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).forEach(file -> assertNoKeyIn(file.toString(),
                        new String(read(file), StandardCharsets.ISO_8859_1)));
            }
        }
        assertThat(Files.list(data.resolve("logs")).count()).as("the logs were searched").isPositive();
    }

    /** Adds two providers through the Settings section's view model, tests both connections, and keeps what it said. */
    private void settings(Path data, String hosted) throws Exception {
        try (Workbench workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data), Optional.empty())
                .withProviders(setup), Clock.systemDefaultZone(), waiting -> { })) {
            Providers providers = workbench.providers();
            ProvidersViewModel model = new ProvidersViewModel(new ProviderOperations(providers::list,
                    name -> providers.resolve(ProviderChoice.of(name)), providers::keychainStatus, providers::add,
                    providers::remove, name -> workbench.providerGateway(ProviderChoice.of(name))),
                    new ImmediateTaskExecutor());
            model.load();
            model.add("gpu-box", ProviderKind.OPENAI, hosted, KEYCHAIN_KEY);
            shown.append(model.statusProperty().get()).append('\n');
            model.add("bad-box", ProviderKind.OPENAI, hosted, REFUSED_KEY);
            shown.append(model.statusProperty().get()).append('\n');
            for (ProviderLine line : model.providers()) {
                shown.append(line.text()).append('\n');
                model.test(line);
                shown.append(model.statusProperty().get()).append('\n');
            }
            assertThat(model.providers()).extracting(ProviderLine::key).contains(
                    "key …abcd from the keychain", "key …lmno from the keychain");
        }
        assertThat(keychain.entries().values()).extracting(k -> k.reveal()).containsExactlyInAnyOrder(KEYCHAIN_KEY,
                REFUSED_KEY);
    }

    private CliHarness.Run expect(int exitCode, CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        return run;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Neither a whole key nor its first 16 characters (enough to be usable in part) may appear. */
    private static void assertNoKeyIn(String where, String text) {
        for (String key : PLANTED) {
            assertThat(text).as(where).doesNotContain(key).doesNotContain(key.substring(0, 16));
        }
    }
}
