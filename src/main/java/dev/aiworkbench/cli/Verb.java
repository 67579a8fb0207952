package dev.aiworkbench.cli;

import dev.aiworkbench.app.DataFolderException;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.packs.ActivePack;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Locale;

/** What every verb shares: output streams, global options and opening the workbench. */
abstract class Verb {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    WorkbenchOptions options() {
        return root().global.options().withProviders(root().providers);
    }

    Clock clock() {
        return root().clock;
    }

    /** Standard input as lines, for the verbs that ask. */
    BufferedReader input() {
        return new BufferedReader(new InputStreamReader(root().in, Charset.defaultCharset()));
    }

    /**
     * Asks a question ending in [y/N] on the terminal: yes for an answer starting with y, no for anything else.
     *
     * @param withoutAnswer the usage error when standard input has no answer (it names the option that skips asking)
     */
    boolean confirmed(String question, String withoutAnswer) throws IOException {
        out().print(question + " [y/N] ");
        out().flush();
        String answer = input().readLine();
        if (answer == null) {
            throw new CommandFailure(withoutAnswer, Cli.USAGE);
        }
        return answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private RootCommand root() {
        return (RootCommand) spec.root().userObject();
    }

    /** Opens the workbench; the pack is read only if the verb asks for it (see {@link #pack(Workbench)}). */
    Workbench openWorkbench() {
        try {
            return Workbench.openPackOnDemand(options(), clock(), waiting -> {
                err().println(waiting);
                err().flush();
            });
        } catch (DataFolderException e) {
            throw new CommandFailure(e.getMessage(), Cli.FAILED);
        }
    }

    /** The installed pack, with a note on stderr when it has problems; fails when none could be read. */
    Pack pack(Workbench workbench) {
        InstalledPack installed = workbench.pack();
        installed.result().problems().stream().filter(p -> ActivePack.FALLBACK_RULE.equals(p.rule()))
                .forEach(p -> err().println("Note: " + p.message()));
        long errors = installed.result().errorCount();
        if (errors > 0) {
            err().println("Note: the pack from " + installed.source() + " has " + errors
                    + " problem(s); run `workbench pack validate` on it to see them.");
        }
        return installed.pack().orElseThrow(() -> new CommandFailure("No curriculum pack could be read from "
                + installed.source() + ": " + installed.result().problems().get(0), Cli.FAILED));
    }
}
