package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.progress.CarryOverPlan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packs of one data folder as a screen offers them: the built-in pack and the installed ones, which one is
 * active, and install, use and remove. Every call reads or writes files, so callers run it off the UI thread.
 */
public final class InstalledPacks {
    private final PackShelf shelf;
    private final TrustedKeys trustedKeys;
    private final PackInstaller installer;
    private final PackInstallation installation;
    private final String appVersion;
    private PackInfo builtIn;

    /** Packs of a data folder whose database is not open: installs carry no progress over. */
    public InstalledPacks(PackShelf shelf, TrustedKeys trustedKeys, String appVersion) {
        this(shelf, trustedKeys, appVersion, Optional.empty());
    }

    /** @param progress the open database's side, so a new version carries the learner's progress over */
    public InstalledPacks(PackShelf shelf, TrustedKeys trustedKeys, String appVersion,
                          Optional<PackInstallation.Progress> progress) {
        this.shelf = shelf;
        this.trustedKeys = trustedKeys;
        this.installer = new PackInstaller(shelf, trustedKeys, new PackLoader(appVersion));
        this.installation = new PackInstallation(shelf, installer, progress);
        this.appVersion = appVersion;
    }

    /** The built-in pack first, then the installed ids; exactly one is active. */
    public List<ListedPack> list() {
        // Without a choice the built-in id is active, which an installed version of it takes over (see ActivePack).
        String activeId = shelf.activeId().orElse(InstalledPack.DEFAULT_PACK);
        List<InstalledPackEntry> installed = shelf.list();
        boolean builtInActive = installed.stream().noneMatch(e -> e.id().equals(activeId));
        PackInfo info = builtInInfo();
        List<ListedPack> packs = new ArrayList<>();
        packs.add(new ListedPack(info.id(), info.title(), info.version(), List.of(info.version()), ListedPack.BUILT_IN,
                ListedPack.BUILT_IN, builtInActive, true));
        for (InstalledPackEntry entry : installed) {
            InstalledVersion current = entry.current();
            packs.add(new ListedPack(entry.id(), current.title(), current.version(),
                    entry.versions().stream().map(InstalledVersion::version).toList(), current.source(),
                    current.signature(), entry.id().equals(activeId), false));
        }
        return packs;
    }

    /** @see PackInstaller#plan */
    public InstallPlan plan(Path source) throws InstallRefused {
        return installer.plan(source);
    }

    /** What installing the plan would do to the progress of its id (kept, moved, archived, restored). */
    public CarryOverPlan carryOver(InstallPlan plan) {
        return installation.carryOver(plan);
    }

    /**
     * Installs the plan and carries progress over, as the database is at this moment, with a backup first.
     *
     * @see PackInstallation#install
     */
    public InstalledVersion install(InstallPlan plan) throws IOException {
        return installation.install(plan, installation.carryOver(plan)).installed();
    }

    /**
     * Trusts the key that signed a planned pack, which the learner had not trusted, and installs the pack. The pack is
     * read again first, so what is installed is what the now trusted key signed.
     *
     * @throws InstallRefused the file changed since it was planned and is no longer signed by that key
     */
    public InstalledVersion trustSignerAndInstall(InstallPlan plan) throws IOException, InstallRefused {
        PackSignature signature = plan.signature();
        if (signature.kind() != PackSignature.Kind.UNTRUSTED_KEY || signature.key().isEmpty()) {
            throw new IllegalArgumentException("only a pack signed by a key not trusted yet offers to trust its key");
        }
        trustedKeys.add(signature.key().get(), "signed " + plan.info().title() + " " + plan.info().version());
        InstallPlan again = installer.plan(plan.source());
        if (!again.signature().keyTrusted() || !again.signature().fingerprint().equals(signature.fingerprint())) {
            throw new InstallRefused("the file changed since it was read and is no longer signed by the key "
                    + signature.fingerprint().orElse("") + "; choose it again", List.of());
        }
        return install(again);
    }

    /** Makes a listed pack the active one; the built-in pack is active when no other is chosen. */
    public void use(ListedPack pack) throws IOException {
        shelf.setActive(pack.builtIn() ? Optional.empty() : Optional.of(pack.id()));
    }

    /** Removes an installed pack's files (progress lives in the database and is kept); the built-in one stays. */
    public void remove(ListedPack pack) throws IOException {
        if (pack.builtIn()) {
            throw new IllegalArgumentException("the built-in pack is part of the app and cannot be removed");
        }
        if (shelf.activeId().map(pack.id()::equals).orElse(false)) {
            shelf.setActive(Optional.empty());
        }
        shelf.remove(pack.id());
    }

    private synchronized PackInfo builtInInfo() {
        if (builtIn == null) {
            builtIn = InstalledPack.load(Optional.empty(), appVersion).pack().map(p -> p.info())
                    .orElse(new PackInfo(InstalledPack.DEFAULT_PACK, InstalledPack.DEFAULT_PACK, "", List.of(), "", "", ""));
        }
        return builtIn;
    }
}
