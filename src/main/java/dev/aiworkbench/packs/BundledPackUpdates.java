package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.progress.CarryOverPlan;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries a learner's progress across an app update that ships a newer built-in pack: the same carry-over as
 * {@code pack upgrade} (kept, moved by {@code replaces:}, archived, restored), with a backup first, run at start.
 * The version walked last is remembered per pack id, with a copy of that version's files under the data folder, so
 * the next update can say what changed against it; the one-sentence report waits until the app has shown it. A fresh
 * data folder's copy is left to {@link #keepCopy}, which the window runs after its first screen (the command line at
 * once): copying the pack's files out of the app took 60 ms of a first start's way to Today, and nothing reads the copy
 * before the next update.
 */
public final class BundledPackUpdates {
    /** Opens the built-in pack's files (inside the app, or a folder in tests). */
    @FunctionalInterface
    public interface BundledFiles {
        PackLocation open() throws PackAccessException;
    }

    private final BundledPackStore store;
    private final Path copies;
    private final ProgressCarryOver carryOver;
    private final Backups backups;
    private final String appVersion;
    private final Clock clock;

    /** @param copies the data folder's {@code bundled-packs} folder: {@code <id>/<version>/} holds each version walked */
    public BundledPackUpdates(Database database, Path copies, ProgressCarryOver carryOver, Backups backups,
                              String appVersion, Clock clock) {
        this.store = new BundledPackStore(database);
        this.copies = copies;
        this.carryOver = carryOver;
        this.backups = backups;
        this.appVersion = appVersion;
        this.clock = clock;
    }

    /**
     * Brings the learner's progress to the built-in pack when its version is not the one walked last. A fresh data
     * folder (no version recorded, no progress) only records the version, and keeps its copy too when
     * {@code copyFreshFolder} says so (otherwise {@link #keepCopy} does, later). Running it twice does nothing the
     * second time.
     *
     * @return the update, when there was progress to carry
     * @throws IOException the copy of the version could not be written; nothing is recorded, so the next start
     *                     tries again (the carry-over itself finds nothing left to move)
     */
    public Optional<BundledPackUpdate> catchUp(Pack bundled, BundledFiles files, boolean copyFreshFolder)
            throws IOException {
        String id = bundled.id();
        String version = bundled.info().version();
        Optional<String> seen = store.seenVersion(id);
        if (seen.isPresent() && seen.get().equals(version)) {
            return Optional.empty();
        }
        Optional<Pack> previous = seen.flatMap(v -> copyOf(id, v));
        CarryOverPlan plan = carryOver.plan(bundled, previous);
        boolean hadProgress = !plan.kept().isEmpty() || plan.changesAnything();
        if (plan.changesAnything()) {
            backups.backup(Backups.BEFORE_UPGRADE);
            carryOver.apply(plan);
        }
        boolean freshFolder = seen.isEmpty() && !hadProgress;
        if (!freshFolder || copyFreshFolder) {
            keepCopy(id, version, files);
        }
        Optional<BundledPackUpdate> update = hadProgress ? Optional.of(new BundledPackUpdate(seen, version,
                previous.map(p -> PackChanges.between(p, bundled, Map.of(), Map.of())), plan)) : Optional.empty();
        store.record(id, version, clock.instant(), update.map(BundledPackUpdate::text));
        return update;
    }

    /**
     * Keeps a copy of the built-in pack's files when its version is the one walked last and no copy is there yet (a
     * fresh data folder's, or one a start ended before making); otherwise does nothing.
     *
     * @throws IOException the copy could not be written; the next call tries again
     */
    public void keepCopy(Pack bundled, BundledFiles files) throws IOException {
        String version = bundled.info().version();
        if (store.seenVersion(bundled.id()).filter(version::equals).isPresent()) {
            keepCopy(bundled.id(), version, files);
        }
    }

    /** The report of the last update not shown yet; taking it marks it shown, so the app shows it once. */
    public Optional<String> takeNotice(String packId) {
        return store.takeNotice(packId);
    }

    /** The kept copy of a version walked earlier, read as the app reads packs; empty when gone or unreadable. */
    private Optional<Pack> copyOf(String id, String version) {
        Path folder = copies.resolve(id).resolve(version);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return InstalledPack.load(Optional.of(folder), appVersion).pack();
    }

    /** Copies the version's files once, under a temporary name renamed into place, so a half copy is never read. */
    private void keepCopy(String id, String version, BundledFiles files) throws IOException {
        Path target = copies.resolve(id).resolve(version);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path staged = target.resolveSibling("." + version + "-" + UUID.randomUUID());
        try (PackLocation location = files.open()) {
            Files.createDirectory(staged);
            location.copyInto(staged);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (PackAccessException e) {
            throw new IOException("the built-in pack " + id + " " + version + " could not be copied: "
                    + e.getMessage(), e);
        } finally {
            if (Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
                PackShelf.deleteTree(staged);
            }
        }
    }
}
