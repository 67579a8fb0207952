package dev.aiworkbench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser is built for the verbs a command line names, and behaves as the whole tree does. */
class VerbsTest {
    @Test
    void eachVerbIsListedUnderItsOwnName() {
        Verbs.all().forEach((name, verb) ->
                assertThat(verb.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
        CommandLine whole = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(whole.getSubcommands().keySet()).containsExactlyElementsOf(Verbs.all().keySet());
    }

    @Test
    void aCommandLineGetsOnlyTheVerbsItNames() {
        assertThat(Verbs.namedIn(new String[] {"--data-dir", "/tmp/x", "eval", "run", "suite.yaml"}))
                .containsExactly(EvalCommand.class);
        assertThat(Verbs.namedIn(new String[] {"prompt", "run", "--input", "usage"}))
                .containsExactly(PromptCommand.class, UsageCommand.class);
    }

    @Test
    void helpAndMistypedVerbsGetTheWholeTreeAndTheVersionNone() {
        assertThat(Verbs.namedIn(new String[] {"--help"})).containsExactlyElementsOf(Verbs.all().values());
        assertThat(Verbs.namedIn(new String[] {"evl", "run"})).containsExactlyElementsOf(Verbs.all().values());
        assertThat(Verbs.namedIn(new String[] {"--version", "--data-dir", "/tmp/x"})).isEmpty();
    }

    @Test
    void theCommandLineBehavesAsTheWholeTreeDoes() {
        CliHarness.Run help = CliHarness.runRaw("--help");
        assertThat(help.exitCode()).isZero();
        Verbs.all().keySet().forEach(name -> assertThat(help.out()).contains("  " + name + " "));

        CliHarness.Run evalHelp = CliHarness.runRaw("eval", "run", "--help");
        assertThat(evalHelp.exitCode()).isZero();
        assertThat(evalHelp.out()).contains("--concurrency").contains("--data-dir").contains("--ollama-url");

        CliHarness.Run typo = CliHarness.runRaw("evl", "run");
        assertThat(typo.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(typo.err()).contains("eval");

        CliHarness.Run version = CliHarness.runRaw("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("AI Engineer Workbench ");
    }
}
