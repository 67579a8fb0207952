package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.curriculum.bundle.BundleException;
import dev.aiworkbench.curriculum.bundle.PackArchive;
import dev.aiworkbench.curriculum.bundle.PackManifest;
import dev.aiworkbench.curriculum.bundle.PackVerifier;
import dev.aiworkbench.diagnostics.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs a pack folder or zip into the data folder. {@link #plan} reads and checks everything and writes
 * nothing; {@link #install} copies the pack into a temporary folder under {@code packs/} and renames it into
 * place, so a pack is either wholly installed or not at all.
 */
public final class PackInstaller {
    private final PackShelf shelf;
    private final TrustedKeys trustedKeys;
    private final PackLoader loader;

    /** @param trustedKeys the keys whose signature lets a pack install without asking */
    public PackInstaller(PackShelf shelf, TrustedKeys trustedKeys, PackLoader loader) {
        this.shelf = shelf;
        this.trustedKeys = trustedKeys;
        this.loader = loader;
    }

    /**
     * Loads and validates the pack, checks a zip against its manifest and its signature against the trusted keys, and
     * says what installing it would do.
     *
     * @throws InstallRefused the pack has errors, cannot be read, or does not match its manifest or signature
     */
    public InstallPlan plan(Path source) throws InstallRefused {
        Loaded loaded = validPack(source);
        PackInfo info = loaded.pack().info();
        PackSignature signature = Files.isDirectory(source) ? PackSignature.UNSIGNED : checkZip(source);
        InstallPlan.Outcome outcome = shelf.holds(info.id(), info.version()) ? InstallPlan.Outcome.ALREADY_INSTALLED
                : shelf.find(info.id()).isPresent() ? InstallPlan.Outcome.NEW_VERSION : InstallPlan.Outcome.NEW_PACK;
        Optional<Loaded> previous = outcome == InstallPlan.Outcome.ALREADY_INSTALLED ? Optional.empty()
                : previousVersion(info.id());
        return new InstallPlan(source, loaded.pack(), signature, outcome, previous.map(Loaded::pack),
                previous.map(p -> PackChanges.between(p.pack(), loaded.pack(), p.labs(), loaded.labs())),
                loaded.content());
    }

    /** A pack as loaded, with a digest of each lab folder it ships and one of all its files. */
    private record Loaded(Pack pack, Map<String, String> labs, String content) {
    }

    /** The version of the id in use now: the installed one, or the built-in pack when the id is its id. */
    private Optional<Loaded> previousVersion(String id) {
        Optional<InstalledPackEntry> installed = shelf.find(id);
        if (installed.isEmpty() && !id.equals(InstalledPack.DEFAULT_PACK)) {
            return Optional.empty();
        }
        try (PackLocation location = installed.isPresent() ? PackLocation.open(installed.get().current().folder())
                : PackLocation.bundled(InstalledPack.DEFAULT_PACK)) {
            return loader.load(location).pack().map(pack -> new Loaded(pack, labDigests(location), ""));
        } catch (PackAccessException | IOException e) {
            // A version that can no longer be read has nothing to compare with; the install replaces it.
            return Optional.empty();
        }
    }

    private static Map<String, String> labDigests(PackLocation location) {
        try {
            return ContentDigests.of(location).labs();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /**
     * Copies a planned pack into place; an already installed version is left as it is.
     *
     * @throws SourceChanged the file or folder is not what {@link #plan} checked any more; nothing was installed
     */
    public InstalledVersion install(InstallPlan plan) throws IOException {
        PackInfo info = plan.info();
        InstalledVersion details = new InstalledVersion(info.id(), info.version(), info.title(), plan.source().toString(),
                plan.signature().label(), shelf.root().resolve(info.id()).resolve(info.version()));
        if (plan.outcome() == InstallPlan.Outcome.ALREADY_INSTALLED) {
            return details;
        }
        Path staged = shelf.newStagingFolder();
        try {
            copyPack(plan.source(), staged);
            if (!stagedContent(staged).equals(plan.content())) {
                throw new SourceChanged(plan.source() + " changed after it was checked; nothing was installed. Choose"
                        + " it again to check and install it as it is now.");
            }
            shelf.place(staged, details);
        } catch (PackAccessException e) {
            shelf.discard(staged);
            throw new SourceChanged(e.getMessage() + "; it changed after it was checked, and nothing was installed");
        } catch (IOException | RuntimeException e) {
            shelf.discard(staged);
            throw e;
        }
        return details;
    }

    private static String stagedContent(Path staged) throws IOException, PackAccessException {
        try (PackLocation copied = PackLocation.open(staged)) {
            return ContentDigests.of(copied).whole();
        }
    }

    private Loaded validPack(Path source) throws InstallRefused {
        LoadResult result;
        Map<String, String> labs;
        String content;
        try (PackLocation location = PackLocation.open(source)) {
            result = loader.load(location);
            refuseLinks(location);
            ContentDigests digests = ContentDigests.of(location);
            labs = digests.labs();
            content = digests.whole();
        } catch (PackAccessException | IOException e) {
            throw new InstallRefused(e.getMessage(), List.of());
        }
        if (!result.valid()) {
            throw new InstallRefused("the pack has " + result.errorCount() + " error(s); ask its author for a fixed"
                    + " version, or fix them and run `workbench pack validate` on it",
                    result.problems().stream().filter(Problem::isError).map(Problem::toString).toList());
        }
        return new Loaded(result.pack().orElseThrow(), labs, content);
    }

    /** The loader refuses links among the files it reads; a link anywhere else would only fail the copy, later. */
    private static void refuseLinks(PackLocation location) throws IOException, InstallRefused {
        for (String name : location.files()) {
            if (Files.isSymbolicLink(location.resolve(name))) {
                throw new InstallRefused(name + " is a symbolic link; packs may not contain links", List.of());
            }
        }
    }

    /** A zip built with {@code pack build} must match its manifest, and its signature when it has one. */
    private PackSignature checkZip(Path zip) throws InstallRefused {
        try {
            PackArchive archive = PackArchive.read(zip);
            if (archive.file(PackManifest.FILE_NAME).isEmpty()) {
                if (archive.file(PackArchive.SIGNATURE).isPresent()) {
                    throw new InstallRefused(PackArchive.SIGNATURE + " is there but " + PackManifest.FILE_NAME
                            + ", which it signs, is not; ask the pack's author for the file they built", List.of());
                }
                return PackSignature.UNSIGNED;
            }
            return PackSignature.of(PackVerifier.verifyTrusting(zip, trustedKeys.keys()));
        } catch (BundleException e) {
            throw new InstallRefused(e.getMessage(), e.details());
        }
    }

    /** Copies the pack as the defensive reader gives it: links refused, real bytes bounded whatever a zip declares. */
    private static void copyPack(Path source, Path target) throws IOException, PackAccessException {
        try (PackLocation location = PackLocation.open(source)) {
            location.copyInto(target);
        }
    }
}
