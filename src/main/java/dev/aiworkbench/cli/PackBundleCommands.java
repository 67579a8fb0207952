package dev.aiworkbench.cli;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.bundle.BuiltPack;
import dev.aiworkbench.curriculum.bundle.BundleException;
import dev.aiworkbench.curriculum.bundle.KeyFileException;
import dev.aiworkbench.curriculum.bundle.PackBuilder;
import dev.aiworkbench.curriculum.bundle.PackSigner;
import dev.aiworkbench.curriculum.bundle.PackVerifier;
import dev.aiworkbench.curriculum.bundle.SignedPack;
import dev.aiworkbench.curriculum.bundle.SigningKeys;
import dev.aiworkbench.curriculum.bundle.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pack build}, {@code keygen}, {@code sign} and {@code verify}: the pack file an instructor hands out. */
final class PackBundleCommands {

    private PackBundleCommands() {
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(file + " does not exist or is not a file; give the path of " + what, Cli.USAGE);
        }
    }

    private static CommandFailure refused(String verb, BundleException e) {
        StringBuilder message = new StringBuilder(verb).append(": ").append(e.getMessage()).append('.');
        e.details().forEach(line -> message.append('\n').append(line));
        return new CommandFailure(message.toString(), Cli.FAILED);
    }

    private static CommandFailure cannotWrite(Path file, IOException e) {
        return new CommandFailure("Cannot write " + file + " (" + e.getMessage() + "); check that its folder exists"
                + " and is writable.", Cli.FAILED);
    }

    @Command(name = "build", description = "Validate a pack folder and write it as a deterministic zip with a SHA-256 manifest.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the pack file was written", "1:the pack has errors or could not be written", "2:usage error"})
    static final class Build extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<folder>", description = "The pack folder (the one holding pack.yaml).")
        Path folder;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "<file.zip>", description = "The pack file to write.")
        Path output;

        @Override
        public Integer call() {
            if (!Files.isDirectory(folder)) {
                throw new CommandFailure(folder + " is not a folder; give the folder that holds the pack's pack.yaml",
                        Cli.USAGE);
            }
            BuiltPack built;
            try {
                built = new PackBuilder(new PackLoader(AppInfo.version())).build(folder, output);
            } catch (BundleException e) {
                throw refused("Not built", e);
            } catch (IOException e) {
                throw cannotWrite(output, e);
            }
            if (!built.skipped().isEmpty()) {
                out().println("left out (operating-system clutter and version control): "
                        + String.join(", ", built.skipped()));
            }
            out().println("built " + built.manifest().packId() + " " + built.manifest().version() + ": " + output
                    + " (" + built.manifest().files().size() + " files)");
            return Cli.OK;
        }
    }

    @Command(name = "keygen", description = "Make an Ed25519 key pair for signing packs: "
            + SigningKeys.PRIVATE_KEY_FILE + " (secret) and " + SigningKeys.PUBLIC_KEY_FILE + " (to publish).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the keys were written", "1:a key is already there or could not be written", "2:usage error"})
    static final class Keygen extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<dir>", description = "The folder to write the two key files into (created if needed).")
        Path folder;

        @Override
        public Integer call() {
            SigningKeys.KeyFiles keys;
            try {
                keys = SigningKeys.generate(folder);
            } catch (BundleException e) {
                throw refused("No keys written", e);
            } catch (IOException e) {
                throw cannotWrite(folder, e);
            }
            out().println("private key: " + keys.privateKey() + " (keep it secret; sign with it)");
            out().println("public key:  " + keys.publicKey() + " (give it to learners; they verify with it)");
            out().println("fingerprint: " + keys.fingerprint());
            return Cli.OK;
        }
    }

    @Command(name = "sign", description = "Sign a built pack file: an Ed25519 signature over its manifest.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the pack file was signed", "1:the pack file does not match its manifest or could not be written",
                    "2:usage error (missing file, not a private key)"})
    static final class Sign extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<zip>", description = "The pack file `workbench pack build` wrote.")
        Path zip;

        @Option(names = "--key", required = true, paramLabel = "<private key>",
                description = "The " + SigningKeys.PRIVATE_KEY_FILE + " that `workbench pack keygen` wrote.")
        Path key;

        @Override
        public Integer call() {
            requireFile(zip, "a pack file built with `workbench pack build`");
            requireFile(key, "the private key that `workbench pack keygen` wrote");
            SignedPack signed;
            try {
                signed = PackSigner.sign(zip, key);
            } catch (KeyFileException e) {
                throw new CommandFailure(e.getMessage() + ".", Cli.USAGE);
            } catch (BundleException e) {
                throw refused("Not signed", e);
            } catch (IOException e) {
                throw cannotWrite(zip, e);
            }
            out().println("signed " + signed.manifest().packId() + " " + signed.manifest().version() + ": " + zip);
            out().println(signed.carriedKeyFingerprint()
                    .map(fingerprint -> "carries the public key " + fingerprint)
                    .orElse("carries no public key (none beside the private key); learners verify with --key"));
            return Cli.OK;
        }
    }

    @Command(name = "verify", description = "Check a pack file: every file against its manifest, and its signature.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:verified", "1:refused (the reason names what differs)", "2:usage error"})
    static final class Verify extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<zip>", description = "The pack file to check.")
        Path zip;

        @Option(names = "--key", paramLabel = "<public key>",
                description = "The signer's " + SigningKeys.PUBLIC_KEY_FILE + ": the signature must match it.")
        Path key;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            requireFile(zip, "a pack file");
            Optional<PublicKey> trusted = trustedKey();
            try {
                Verification verification = PackVerifier.verify(zip, trusted);
                if (json) {
                    out().println(Json.write(Json.object("file", zip.toString(), "verified", true,
                            "pack", verification.manifest().packId(), "version", verification.manifest().version(),
                            "files", verification.manifest().files().size(),
                            "signature", verification.signature().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            "keyFingerprint", verification.signerFingerprint().orElse(null))));
                } else {
                    out().println("verified " + verification.manifest().packId() + " " + verification.manifest().version()
                            + ": " + verification.manifest().files().size() + " files match the manifest");
                    out().println(signatureLine(verification));
                }
                return Cli.OK;
            } catch (BundleException e) {
                if (json) {
                    Map<String, Object> report = Json.object("file", zip.toString(), "verified", false, "reason", e.getMessage());
                    out().println(Json.write(report));
                } else {
                    out().println("refused: " + e.getMessage());
                }
                return Cli.FAILED;
            }
        }

        private Optional<PublicKey> trustedKey() {
            if (key == null) {
                return Optional.empty();
            }
            requireFile(key, "the signer's public key");
            try {
                return Optional.of(SigningKeys.readPublic(key));
            } catch (KeyFileException e) {
                throw new CommandFailure(e.getMessage() + ".", Cli.USAGE);
            }
        }

        private static String signatureLine(Verification verification) {
            String fingerprint = verification.signerFingerprint().orElse("");
            return switch (verification.signature()) {
                case UNSIGNED -> "not signed";
                case MATCHES_GIVEN_KEY -> "signed: the signature matches the key " + fingerprint;
                case MATCHES_CARRIED_KEY -> "signed by the key it carries, " + fingerprint + ": the signature matches it,"
                        + " but a carried key does not prove who signed; compare the fingerprint with the author's,"
                        + " or verify with --key <public key>";
                case NOT_CHECKED -> "signed, but it carries no public key: verify with --key <public key> to check the signature";
            };
        }
    }
}
