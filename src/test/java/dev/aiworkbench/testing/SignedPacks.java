package dev.aiworkbench.testing;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.bundle.BundleException;
import dev.aiworkbench.curriculum.bundle.KeyFileException;
import dev.aiworkbench.curriculum.bundle.PackBuilder;
import dev.aiworkbench.curriculum.bundle.PackSigner;
import dev.aiworkbench.curriculum.bundle.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Built and signed pack files of {@link TinyPack}, made with the product's own builder and signer. */
public final class SignedPacks {
    private SignedPacks() {
    }

    /** Builds the tiny pack (written under {@code folder}) into {@code folder/tiny.zip}, unsigned. */
    public static Path built(Path folder) {
        Path zip = folder.resolve("tiny.zip");
        try {
            new PackBuilder(new PackLoader(AppInfo.version())).build(TinyPack.write(folder.resolve("tiny")), zip);
            return zip;
        } catch (BundleException | IOException e) {
            throw new IllegalStateException("the tiny pack builds", e);
        }
    }

    /** A fresh key pair in {@code folder}, as {@code pack keygen} writes it. */
    public static SigningKeys.KeyFiles keys(Path folder) {
        try {
            return SigningKeys.generate(folder);
        } catch (BundleException | IOException e) {
            throw new IllegalStateException("keygen writes into an empty folder", e);
        }
    }

    /** Signs the zip; it carries the public key, which lies beside the private one. */
    public static void sign(Path zip, SigningKeys.KeyFiles keys) {
        try {
            PackSigner.sign(zip, keys.privateKey());
        } catch (BundleException | KeyFileException | IOException e) {
            throw new IllegalStateException("a built pack signs", e);
        }
    }

    /** Signs the zip with a copy of the private key that has no public half beside it, so the zip carries no key. */
    public static void signCarryingNoKey(Path zip, SigningKeys.KeyFiles keys) {
        try {
            Path alone = Files.createTempDirectory(zip.toAbsolutePath().getParent(), "key-alone");
            Path privateKey = Files.copy(keys.privateKey(), alone.resolve(SigningKeys.PRIVATE_KEY_FILE));
            PackSigner.sign(zip, privateKey);
        } catch (BundleException | KeyFileException e) {
            throw new IllegalStateException("a built pack signs", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
