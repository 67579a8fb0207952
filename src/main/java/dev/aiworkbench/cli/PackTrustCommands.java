package dev.aiworkbench.cli;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.curriculum.bundle.KeyFileException;
import dev.aiworkbench.curriculum.bundle.SigningKeys;
import dev.aiworkbench.packs.TrustedKey;
import dev.aiworkbench.packs.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code pack trust}, {@code trusted} and {@code distrust}: the pack-signing keys the learner trusts. A pack signed by
 * one of them installs without asking; any other pack asks first.
 */
final class PackTrustCommands {
    /** How a learner trusts a key, for the sentences that suggest it. */
    static final String HOW_TO_TRUST = "`workbench pack trust <public-key.pem>`";

    private PackTrustCommands() {
    }

    static TrustedKeys trustedKeys(Verb verb) {
        return ClosedDataFolder.trustedKeys(DataFolder.fromEnvironment(verb.options().dataDir()), verb.clock());
    }

    private static String date(TrustedKey key, ZoneId zone) {
        return key.added().atZone(zone).toLocalDate().toString();
    }

    @Command(name = "trust", description = "Trust a pack-signing public key: packs it signed install without asking.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the key is trusted (now or already)", "1:the key could not be saved",
                    "2:usage error (missing file, not an Ed25519 public key)"})
    static final class Trust extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<public-key.pem>",
                description = "The signer's public key, such as the " + SigningKeys.PUBLIC_KEY_FILE
                        + " `workbench pack keygen` wrote; compare its fingerprint with the one its owner publishes.")
        Path file;

        @Option(names = "--name", paramLabel = "<name>",
                description = "Your name for the key, such as the instructor or course (default: the file's name).")
        String name;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure(file + " does not exist or is not a file; give the path of the signer's"
                        + " public key, such as the " + SigningKeys.PUBLIC_KEY_FILE + " they published.", Cli.USAGE);
            }
            TrustedKeys keys = trustedKeys(this);
            TrustedKeys.Outcome outcome;
            try {
                outcome = keys.add(file, Optional.ofNullable(name));
            } catch (KeyFileException e) {
                throw new CommandFailure(e.getMessage() + ".", Cli.USAGE);
            } catch (IOException | UncheckedIOException e) {
                throw new CommandFailure("Cannot save the key in " + keys.folder() + " (" + e.getMessage() + ");"
                        + " check that the data folder is writable, or choose another with --data-dir.", Cli.FAILED);
            }
            TrustedKey key = outcome.key();
            if (outcome.alreadyTrusted()) {
                out().println(key.fingerprint() + " is already trusted (" + key.name() + ", since "
                        + date(key, clock().getZone()) + "); nothing changed");
            } else {
                out().println("trusted " + key.fingerprint() + " (" + key.name() + "): packs signed with it install"
                        + " without asking");
            }
            return Cli.OK;
        }
    }

    @Command(name = "trusted", description = "List the pack-signing keys you trust.")
    static final class Trusted extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "Print the keys as JSON.")
        boolean json;

        @Override
        public Integer call() {
            TrustedKeys keys = trustedKeys(this);
            List<TrustedKey> trusted = keys.list();
            keys.unreadable().forEach(file -> err().println("Note: " + file + " holds no public key, so nothing in it"
                    + " is trusted; remove it, or trust the key again with " + HOW_TO_TRUST + "."));
            if (json) {
                out().println(Json.write(trusted.stream().map(k -> Json.object("fingerprint", k.fingerprint(),
                        "name", k.name(), "added", k.added().toString())).toList()));
                return Cli.OK;
            }
            if (trusted.isEmpty()) {
                out().println("No keys are trusted yet, so every pack asks before it installs. Trust your instructor's"
                        + " public key with " + HOW_TO_TRUST + ".");
            }
            trusted.forEach(k -> out().println(k.fingerprint() + "  " + k.name() + "  added " + date(k, clock().getZone())));
            return Cli.OK;
        }
    }

    @Command(name = "distrust", description = "Stop trusting a pack-signing key; installed packs stay installed.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the key is no longer trusted", "1:the key file could not be removed",
                    "2:no trusted key, or more than one, starts with that fingerprint"})
    static final class Distrust extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<fingerprint>",
                description = "The key's fingerprint as `workbench pack trusted` shows it, or enough of its start to"
                        + " name one key.")
        String fingerprint;

        @Override
        public Integer call() {
            TrustedKeys keys = trustedKeys(this);
            List<TrustedKey> matching = keys.matching(fingerprint);
            if (matching.isEmpty()) {
                throw new CommandFailure("No trusted key's fingerprint starts with '" + fingerprint + "'; see the"
                        + " trusted keys with `workbench pack trusted`.", Cli.USAGE);
            }
            if (matching.size() > 1) {
                throw new CommandFailure("'" + fingerprint + "' starts " + matching.size() + " trusted keys' fingerprints ("
                        + String.join(", ", matching.stream().map(TrustedKey::fingerprint).toList())
                        + "); give more of the one you mean.", Cli.USAGE);
            }
            TrustedKey key = matching.get(0);
            try {
                keys.remove(key);
            } catch (IOException e) {
                throw new CommandFailure("Cannot remove " + key.file() + " (" + e.getMessage() + "); check that the data"
                        + " folder is writable.", Cli.FAILED);
            }
            out().println("no longer trusted: " + key.fingerprint() + " (" + key.name() + "). Packs signed with it ask"
                    + " before they install; the ones installed stay installed.");
            return Cli.OK;
        }
    }
}
