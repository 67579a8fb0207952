package dev.aiworkbench.packs;

import dev.aiworkbench.progress.CarryOverPlan;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.Backups;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Installs a planned pack and carries the learner's progress over to it: a backup first, then the files, then the
 * progress in one transaction. If the progress cannot be carried, the files go back to the version used before.
 */
public final class PackInstallation {
    /** The open database's side of an install; a data folder with no database yet has no progress to carry. */
    public record Progress(ProgressCarryOver carryOver, Backups backups) {
    }

    /**
     * @param backup the copy of the database made first, when progress was there to carry
     */
    public record Result(InstalledVersion installed, CarryOverPlan carried, Optional<Backup> backup) {
    }

    private final PackShelf shelf;
    private final PackInstaller installer;
    private final Optional<Progress> progress;

    public PackInstallation(PackShelf shelf, PackInstaller installer, Optional<Progress> progress) {
        this.shelf = shelf;
        this.installer = installer;
        this.progress = progress;
    }

    /** What installing the plan would do to the progress recorded for its id; writes nothing. */
    public CarryOverPlan carryOver(InstallPlan plan) {
        return progress.map(p -> p.carryOver().plan(plan.pack(), plan.previous()))
                .orElseGet(() -> new CarryOverPlan(plan.info().id(), plan.info().version(), List.of(), List.of(),
                        List.of(), List.of()));
    }

    /**
     * Installs the plan and applies the carry-over made for it.
     *
     * @throws IOException the files could not be written; nothing changed
     * @throws dev.aiworkbench.store.DatabaseException the progress could not be carried; the previous version is
     *                                                 in use again and the database is as it was
     */
    public Result install(InstallPlan plan, CarryOverPlan carry) throws IOException {
        if (plan.outcome() == InstallPlan.Outcome.ALREADY_INSTALLED) {
            return new Result(installer.install(plan), carry, Optional.empty());
        }
        boolean upgrade = plan.outcome() == InstallPlan.Outcome.NEW_VERSION || plan.previous().isPresent();
        Optional<Backup> backup = progress.filter(p -> upgrade || carry.changesAnything())
                .map(p -> p.backups().backup(Backups.BEFORE_UPGRADE));
        String id = plan.info().id();
        Optional<String> usedBefore = shelf.find(id).map(entry -> entry.current().version());
        InstalledVersion installed = installer.install(plan);
        if (progress.isPresent() && carry.changesAnything()) {
            try {
                progress.get().carryOver().apply(carry);
            } catch (RuntimeException e) {
                if (usedBefore.isPresent()) {
                    shelf.setCurrent(id, usedBefore.get());
                }
                shelf.removeVersion(id, plan.info().version());
                throw e;
            }
        }
        return new Result(installed, carry, backup);
    }
}
