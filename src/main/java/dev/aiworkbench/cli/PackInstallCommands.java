package dev.aiworkbench.cli;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.packs.InstallPlan;
import dev.aiworkbench.packs.InstallRefused;
import dev.aiworkbench.packs.InstalledPackEntry;
import dev.aiworkbench.packs.InstalledPacks;
import dev.aiworkbench.packs.ListedPack;
import dev.aiworkbench.packs.PackInstallation;
import dev.aiworkbench.packs.PackInstaller;
import dev.aiworkbench.packs.PackShelf;
import dev.aiworkbench.packs.PackSignature;
import dev.aiworkbench.packs.SourceChanged;
import dev.aiworkbench.diagnostics.Suggestions;
import dev.aiworkbench.progress.CarryOverPlan;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code pack install}, {@code list}, {@code use} and {@code remove}: the packs installed in the data folder.
 * An install checks the pack before it opens the database (to carry progress over), so a refused install leaves
 * the data folder exactly as it was.
 */
final class PackInstallCommands {
    static final String UNSIGNED_WARNING = "unsigned: anyone could have changed it";

    private PackInstallCommands() {
    }

    private static PackShelf shelf(Verb verb) {
        return ClosedDataFolder.packShelf(DataFolder.fromEnvironment(verb.options().dataDir()));
    }

    private static CommandFailure cannotWrite(PackShelf shelf, IOException e) {
        return new CommandFailure("Cannot write in " + shelf.root() + " (" + e.getMessage() + "); check that the data"
                + " folder is writable, or choose another with --data-dir.", Cli.FAILED);
    }

    /**
     * Asks a yes-or-no question; with no terminal to answer it, the run stops with a usage error naming --yes.
     *
     * @param asker where the question is printed: standard error when standard output carries JSON
     */
    private static boolean answeredYes(Verb verb, PrintWriter asker, String question, String withoutTerminal) {
        try {
            return new TerminalInput(verb.input(), asker).yesOrNo(question);
        } catch (TerminalInput.Stopped e) {
            throw new CommandFailure(withoutTerminal, Cli.USAGE);
        }
    }

    @Command(name = "install", description = "Install a pack folder or zip into the data folder, beside any others.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:installed, already installed, or (with --dry-run) installable",
                    "1:refused (the pack has errors or does not match its signature) or declined", "2:usage error"})
    static final class Install extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<zip|folder>", description = "The pack to install.")
        Path source;

        @Option(names = "--dry-run", description = "Say what would be installed and write nothing.")
        boolean dryRun;

        @Option(names = "--yes", description = "Install without asking a pack that is unsigned or signed by a key you"
                + " have not trusted (see `workbench pack trust`).")
        boolean yes;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (!Files.exists(source)) {
                throw new CommandFailure(source + " does not exist; give the path of a pack folder or .zip", Cli.USAGE);
            }
            PackShelf shelf = shelf(this);
            PackInstaller installer = new PackInstaller(shelf, PackTrustCommands.trustedKeys(this),
                    new PackLoader(AppInfo.version()));
            InstallPlan plan;
            try {
                plan = installer.plan(source);
            } catch (InstallRefused e) {
                StringBuilder message = new StringBuilder("Not installed: ").append(e.getMessage()).append('.');
                e.details().forEach(line -> message.append('\n').append(line));
                throw new CommandFailure(message.toString(), Cli.FAILED);
            }
            String name = plan.info().id() + " " + plan.info().version();
            if (plan.outcome() == InstallPlan.Outcome.ALREADY_INSTALLED) {
                return report(plan, Optional.empty(), "already-installed", name + " is already installed; nothing changed");
            }
            // Progress lives in the database; a data folder without one has none to carry, and gets none made here.
            boolean hasDatabase = Files.exists(DataFolder.fromEnvironment(options().dataDir()).database());
            try (Workbench workbench = hasDatabase ? openWorkbench() : null) {
                PackInstallation installation = workbench != null ? workbench.packInstallation()
                        : new PackInstallation(shelf, installer, Optional.empty());
                CarryOverPlan carry = installation.carryOver(plan);
                if (!json) {
                    plan.changes().ifPresent(changes -> InstallReportText.print(out(), plan.info().id(), changes));
                    InstallReportText.print(out(), carry);
                }
                if (dryRun) {
                    return report(plan, Optional.of(carry), "would-install", "would install " + name + " ("
                            + about(plan.signature()) + ")" + (plan.outcome() == InstallPlan.Outcome.NEW_VERSION
                            ? " beside the version installed now, and use it from then on" : "") + "; nothing was written");
                }
                confirm(plan, name);
                PackInstallation.Result result;
                try {
                    result = installation.install(plan, carry);
                } catch (SourceChanged e) {
                    throw new CommandFailure("Not installed: " + e.getMessage(), Cli.FAILED);
                } catch (IOException e) {
                    throw cannotWrite(shelf, e);
                }
                result.backup().ifPresent(backup -> err().println("Backed up your progress first: " + backup.file()));
                boolean active = shelf.activeId().map(plan.info().id()::equals).orElse(false);
                String next = active ? "it is the active pack" : "make it the active pack with `workbench pack use "
                        + plan.info().id() + "`";
                return report(plan, Optional.of(carry), "installed", "installed " + name + " (" + about(plan.signature()) + "); "
                        + next);
            }
        }

        private void confirm(InstallPlan plan, String name) {
            if (plan.signature().needsConfirmation() && !yes) {
                String warning = about(plan.signature());
                boolean untrusted = plan.signature().kind() == PackSignature.Kind.UNTRUSTED_KEY;
                err().println(name + " is " + warning + ".");
                if (untrusted) {
                    err().println("If it is your instructor's key (compare the fingerprint with the one they publish),"
                            + " trust it with " + PackTrustCommands.HOW_TO_TRUST + " and their packs install without"
                            + " asking.");
                }
                err().flush();
                if (!answeredYes(this, json ? err() : out(), "Install it?", name + " is " + warning + "; "
                        + (untrusted ? "trust the key with " + PackTrustCommands.HOW_TO_TRUST + ", or " : "")
                        + "run again with --yes to install it anyway.")) {
                    throw new CommandFailure("Not installed: you declined.", Cli.FAILED);
                }
            }
        }

        private int report(InstallPlan plan, Optional<CarryOverPlan> carry, String status, String sentence) {
            if (json) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("status", status);
                report.put("id", plan.info().id());
                report.put("version", plan.info().version());
                report.put("title", plan.info().title());
                report.put("source", plan.source().toString());
                report.put("signature", plan.signature().label());
                report.put("keyFingerprint", plan.signature().fingerprint().orElse(null));
                report.put("keyTrusted", plan.signature().keyTrusted());
                report.put("upgrade", plan.outcome() == InstallPlan.Outcome.NEW_VERSION);
                report.put("changes", plan.changes().map(InstallReportText::json).orElse(null));
                report.put("progress", carry.map(InstallReportText::json).orElse(null));
                out().println(Json.write(report));
            } else {
                out().println(sentence);
            }
            return Cli.OK;
        }

        /** Who made the pack, as far as its signature and the learner's trusted keys tell. */
        private static String about(PackSignature signature) {
            return switch (signature.kind()) {
                case UNSIGNED -> UNSIGNED_WARNING;
                case NOT_CHECKED -> "signed, but no key you trust matches the signature and it carries no key to check"
                        + " it with: anyone could have changed it";
                case UNTRUSTED_KEY -> "signed by a key you have not trusted, " + signature.fingerprint().orElse("")
                        + ": anyone can sign a pack with a key of their own";
                case TRUSTED_KEY -> "signed by a key you trust, " + signature.fingerprint().orElse("");
            };
        }
    }

    @Command(name = "list", description = "List the installed packs and the built-in one, marking the active pack.")
    static final class ListInstalled extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "Print the packs as JSON.")
        boolean json;

        @Override
        public Integer call() {
            List<ListedPack> packs = new InstalledPacks(shelf(this), PackTrustCommands.trustedKeys(this),
                    AppInfo.version()).list();
            if (json) {
                out().println(Json.write(packs.stream().map(ListInstalled::row).toList()));
                return Cli.OK;
            }
            for (ListedPack pack : packs) {
                out().println((pack.active() ? "* " : "  ") + pack.id() + " " + pack.version()
                        + (pack.versions().size() > 1 ? " (installed: " + String.join(", ", pack.versions()) + ")" : "")
                        + "  " + pack.title() + "  from " + source(pack));
            }
            return Cli.OK;
        }

        private static String source(ListedPack pack) {
            return pack.builtIn() ? pack.source() : pack.source() + " (" + pack.signature() + ")";
        }

        private static Map<String, Object> row(ListedPack pack) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", pack.id());
            row.put("title", pack.title());
            row.put("version", pack.version());
            row.put("versions", pack.versions());
            row.put("active", pack.active());
            row.put("source", source(pack));
            return row;
        }
    }

    @Command(name = "use", description = "Make an installed pack (or the built-in one) the active pack.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:it is the active pack", "2:no such pack"})
    static final class Use extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<id>", description = "The pack's id, as `workbench pack list` shows it.")
        String id;

        @Override
        public Integer call() {
            PackShelf shelf = shelf(this);
            List<String> ids = new ArrayList<>(shelf.list().stream().map(InstalledPackEntry::id).toList());
            boolean installed = ids.contains(id);
            if (!installed && !id.equals(InstalledPack.DEFAULT_PACK)) {
                throw new CommandFailure(unknown(id, ids), Cli.USAGE);
            }
            try {
                // The built-in pack needs no file: without one it is active, as before any pack was installed.
                shelf.setActive(installed ? Optional.of(id) : Optional.empty());
            } catch (IOException e) {
                throw cannotWrite(shelf, e);
            }
            out().println(id + " is the active pack" + (installed ? "" : " (built-in)") + "; every verb and the app walk it"
                    + " now. Progress on each pack is kept apart.");
            return Cli.OK;
        }
    }

    @Command(name = "remove", description = "Remove an installed pack's files; progress on it is kept unless you ask"
            + " with --forget-progress.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:removed", "1:declined or could not be removed", "2:no such pack, or the built-in one"})
    static final class Remove extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<id>", description = "The pack's id, as `workbench pack list` shows it.")
        String id;

        @Option(names = "--yes", description = "Remove it without asking.")
        boolean yes;

        @Option(names = "--forget-progress", description = "Also delete your progress on it (states, notes, time, "
                + "attempts, archived progress and plan), after a backup of the database.")
        boolean forgetProgress;

        @Override
        public Integer call() {
            PackShelf shelf = shelf(this);
            List<String> ids = shelf.list().stream().map(InstalledPackEntry::id).toList();
            if (!ids.contains(id)) {
                if (id.equals(InstalledPack.DEFAULT_PACK)) {
                    throw new CommandFailure("The built-in pack " + id + " is part of the app and cannot be removed;"
                            + " choose another pack with `workbench pack use <id>`.", Cli.USAGE);
                }
                throw new CommandFailure(unknown(id, ids), Cli.USAGE);
            }
            String question = forgetProgress ? "Remove the pack " + id + " and delete all your progress on it? A backup"
                    + " of the database is made first." : "Remove the pack " + id + "? Your progress on it is kept.";
            if (!yes && !answeredYes(this, out(), question,
                    "Removing " + id + " needs a confirmation; run again with --yes to remove it.")) {
                throw new CommandFailure("Not removed: you declined.", Cli.FAILED);
            }
            if (forgetProgress) {
                forget();
            }
            boolean wasActive = shelf.activeId().map(id::equals).orElse(false);
            try {
                if (wasActive) {
                    shelf.setActive(Optional.empty());
                }
                shelf.remove(id);
            } catch (IOException e) {
                throw cannotWrite(shelf, e);
            }
            out().println(forgetProgress ? "removed " + id + "." : "removed " + id + ". Your progress on it is kept: install"
                    + " it again to pick up where you left off.");
            if (wasActive) {
                out().println("It was the active pack; the built-in pack " + InstalledPack.DEFAULT_PACK + " is active now.");
            }
            return Cli.OK;
        }

        /** Deletes the progress before the files, so a failure leaves the pack installed and nothing half done. */
        private void forget() {
            if (!Files.exists(DataFolder.fromEnvironment(options().dataDir()).database())) {
                return;
            }
            try (Workbench workbench = openWorkbench()) {
                Backup backup = workbench.backups().backup(Backups.BEFORE_FORGET);
                int items = workbench.carryOver().forget(id);
                out().println("deleted your progress on " + items + " item(s) of " + id + "; the backup made first is "
                        + backup.file() + " (restore it with `workbench database restore` if you change your mind)");
            }
        }
    }

    private static String unknown(String id, List<String> installed) {
        List<String> known = new ArrayList<>(installed);
        if (!known.contains(InstalledPack.DEFAULT_PACK)) {
            known.add(InstalledPack.DEFAULT_PACK);
        }
        String suggestion = Suggestions.BY_EDITS.closest(known, id).map(s -> " Did you mean " + s + "?").orElse("");
        return "No pack '" + id + "' is installed." + suggestion + " Installed: "
                + (installed.isEmpty() ? "none" : String.join(", ", installed)) + "; built-in: "
                + InstalledPack.DEFAULT_PACK + ". Install one with `workbench pack install <zip|folder>`.";
    }
}
