package dev.aiworkbench.app;

import dev.aiworkbench.cli.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchArgumentsTest {
    @Test
    void noArgumentsOpensTheAppWithDefaults() {
        assertThat(LaunchArguments.gui(new String[0])).contains(GuiLaunch.of(WorkbenchOptions.defaults()));
    }

    @Test
    void globalOptionsAloneOpenTheApp() {
        assertThat(LaunchArguments.gui(new String[] {"--data-dir", "/tmp/a", "--pack=/tmp/p.zip"}))
                .contains(GuiLaunch.of(new WorkbenchOptions(Optional.of(Path.of("/tmp/a")),
                        Optional.of(Path.of("/tmp/p.zip")))));
        assertThat(LaunchArguments.gui(new String[] {"--pack", "/tmp/p.zip"})).hasValueSatisfying(launch ->
                assertThat(launch.packToInstall()).isEmpty());
    }

    @Test
    void aPackFileOpensTheAppOfferingToInstallIt() {
        assertThat(LaunchArguments.gui(new String[] {"/home/me/Downloads/evals-1.2.0.wbpack"}))
                .contains(new GuiLaunch(WorkbenchOptions.defaults(),
                        Optional.of(Path.of("/home/me/Downloads/evals-1.2.0.wbpack"))));
        assertThat(LaunchArguments.gui(new String[] {"--data-dir", "/tmp/a", "My Pack.ZIP"}))
                .contains(new GuiLaunch(new WorkbenchOptions(Optional.of(Path.of("/tmp/a")), Optional.empty()),
                        Optional.of(Path.of("My Pack.ZIP"))));
    }

    @Test
    void anythingBesideOnePackFileGoesToTheCommandLine() {
        assertThat(LaunchArguments.gui(new String[] {"a.wbpack", "b.wbpack"})).isEmpty();
        assertThat(LaunchArguments.gui(new String[] {"notes.txt"})).isEmpty();
        assertThat(LaunchArguments.gui(new String[] {"pack", "install", "a.wbpack"})).isEmpty();
        assertThat(LaunchArguments.gui(new String[] {"--version", "a.wbpack"})).isEmpty();
    }

    @Test
    void verbsAndOtherOptionsGoToTheCommandLine() {
        assertThat(LaunchArguments.gui(new String[] {"progress", "show"})).isEmpty();
        assertThat(LaunchArguments.gui(new String[] {"--data-dir", "/tmp/a", "doctor"})).isEmpty();
        assertThat(LaunchArguments.gui(new String[] {"--version"})).isEmpty();
        assertThat(LaunchArguments.gui(new String[] {"--help"})).isEmpty();
        assertThat(LaunchArguments.gui(new String[] {"--data-dir"})).isEmpty();
    }

    @Test
    void recognisesExactlyTheCommandLinesGlobalOptions() {
        CommandLine commandLine = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Set<String> inherited = commandLine.getCommandSpec().options().stream()
                .filter(o -> o.scopeType() == CommandLine.ScopeType.INHERIT)
                .flatMap(o -> Set.of(o.names()).stream()).collect(Collectors.toSet());
        assertThat(inherited).containsExactlyInAnyOrder("--data-dir", "--pack", "--ollama-url");
        for (String option : inherited) {
            assertThat(LaunchArguments.gui(new String[] {option, "x"})).isPresent();
        }
    }
}
