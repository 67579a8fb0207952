package dev.aiworkbench.cli;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.ProviderSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

import java.io.InputStream;
import java.time.Clock;

// Inherited scope gives every verb and sub-verb --help (and --version), as the README promises. The verbs are added
// by Cli from Verbs, only those a command line names.
@Command(name = "workbench", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = RootCommand.Version.class,
        description = "AI Engineer Workbench. Without a command it opens the app; with one it runs that command.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command failed (the message says why)", "2:usage error or bad input",
                "3:the model server cannot be reached, or lacks the model", "4:the model server failed while working"})
public final class RootCommand implements Runnable {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    final Clock clock;
    final InputStream in;
    final ProviderSetup providers;

    RootCommand(Clock clock, InputStream in) {
        this(clock, in, ProviderSetup.system());
    }

    /** @param providers the environment, keychain and gateways the model providers are made from */
    RootCommand(Clock clock, InputStream in, ProviderSetup providers) {
        this.clock = clock;
        this.in = in;
        this.providers = providers;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version()};
        }
    }

    @Override
    public void run() {
        // Only reached through the command line API; Main opens the GUI when no verb is given.
    }
}
