package dev.aiworkbench.ui.settings;

import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.packs.InstallPlan;
import dev.aiworkbench.packs.InstallReport;
import dev.aiworkbench.packs.InstallRefused;
import dev.aiworkbench.packs.InstalledPacks;
import dev.aiworkbench.packs.ListedPack;
import dev.aiworkbench.packs.PackSignature;
import dev.aiworkbench.progress.CarryOverPlan;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Packs section of Settings: the built-in and installed packs, "Install pack…" that shows what installing
 * would do and asks first, and per pack "Use" and "Remove". When the active pack is no longer the one the app walks
 * (after Use, an upgrade of the walked pack, or its removal), the app switches to it at once, asking first when that
 * would stop something running; only when the app walks a pack given with {@code --pack} does it wait for a restart.
 */
public final class PacksViewModel {
    static final String UNSIGNED = "unsigned: anyone could have changed it";

    private final InstalledPacks packs;
    private final TaskExecutor tasks;
    private final Optional<PackInfo> walking;
    private final Optional<PackSwitch> switcher;
    private final ObservableList<ListedPack> listed = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ObservableList<String> report = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper confirmLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper restartNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper trustOffered = new ReadOnlyBooleanWrapper(false);
    private InstallPlan pendingInstall;
    private ListedPack pendingRemove;
    private ListedPack pendingSwitch;

    /**
     * @param walking  the pack the app walks now
     * @param switcher how the app walks the active pack at once; empty when it walks a pack given with --pack
     */
    public PacksViewModel(InstalledPacks packs, TaskExecutor tasks, Optional<PackInfo> walking,
                          Optional<PackSwitch> switcher) {
        this.packs = packs;
        this.tasks = tasks;
        this.walking = walking;
        this.switcher = switcher;
    }

    public void load() {
        tasks.run(packs::list, listed::setAll, this::failed);
    }

    ObservableList<ListedPack> packs() {
        return FXCollections.unmodifiableObservableList(listed);
    }

    /** The problems of a refused pack, one a line; empty otherwise. */
    ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    /** What happened last, or the sentence that says why it did not. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The question while an install or a removal waits for its confirmation; empty otherwise. */
    ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** While an install waits: what the new version changes and what happens to the progress, one line each. */
    ObservableList<String> report() {
        return FXCollections.unmodifiableObservableList(report);
    }

    /** The confirming button's text: "Install", "Upgrade", "Remove" or "Switch". */
    ReadOnlyStringProperty confirmLabelProperty() {
        return confirmLabel.getReadOnlyProperty();
    }

    /** Set when the active pack is not the one the app walks now and the app does not switch to it yet. */
    ReadOnlyStringProperty restartNoticeProperty() {
        return restartNotice.getReadOnlyProperty();
    }

    /** True while a pack is read, installed, removed or made active: one change at a time. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the open question is about a pack signed by a key the learner has not trusted. */
    ReadOnlyBooleanProperty trustOfferedProperty() {
        return trustOffered.getReadOnlyProperty();
    }

    /**
     * Reads a chosen, dropped or opened-with pack file or folder and shows what installing it would do; nothing is
     * written yet.
     */
    public void chooseSource(Path source) {
        if (source == null || busy.get()) {
            return;
        }
        cancel();
        problems.clear();
        status.set("Reading " + source.getFileName() + "…");
        work(() -> {
            InstallPlan plan = packs.plan(source);
            return new PlannedInstall(plan, packs.carryOver(plan));
        }, this::showPlan);
    }

    /** A plan and what it would do to the learner's progress, both read off the FX thread. */
    private record PlannedInstall(InstallPlan plan, CarryOverPlan carry) {
    }

    private void showPlan(PlannedInstall planned) {
        InstallPlan plan = planned.plan();
        String name = name(plan);
        if (plan.outcome() == InstallPlan.Outcome.ALREADY_INSTALLED) {
            status.set(name + " is already installed; nothing changed.");
            return;
        }
        status.set("");
        pendingInstall = plan;
        boolean upgrade = plan.changes().isPresent();
        confirmLabel.set(upgrade ? "Upgrade" : "Install");
        trustOffered.set(plan.signature().kind() == PackSignature.Kind.UNTRUSTED_KEY);
        question.set((upgrade ? "Upgrade to " : "Install ") + name + "? " + whatItIs(plan) + progressInWords(planned.carry())
                + " " + whoMadeIt(plan.signature()));
        plan.changes().ifPresent(changes -> report.setAll(InstallReport.changes(plan.info().id(), changes)));
        report.addAll(InstallReport.progress(planned.carry()));
    }

    private static String whatItIs(InstallPlan plan) {
        return plan.changes().map(changes -> "It replaces " + changes.fromVersion() + " (the changes are listed"
                        + " below); your progress is backed up first.")
                .orElse(plan.outcome() == InstallPlan.Outcome.NEW_VERSION
                        ? "It is a new version of a pack you have: it goes beside the one installed and is used for it"
                        + " from now on."
                        : "It is new here.");
    }

    private static String progressInWords(CarryOverPlan carry) {
        if (!carry.changesAnything()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!carry.moved().isEmpty()) {
            parts.add(carry.moved().size() + " item(s) move to the items that replace them");
        }
        if (!carry.archived().isEmpty()) {
            parts.add(carry.archived().size() + " item(s) it no longer has are archived (kept, and back if a later"
                    + " version has them)");
        }
        if (!carry.restored().isEmpty()) {
            parts.add(carry.restored().size() + " archived item(s) come back");
        }
        return " Your progress: " + String.join("; ", parts) + ".";
    }

    private static String whoMadeIt(PackSignature signature) {
        String fingerprint = signature.fingerprint().orElse("");
        return switch (signature.kind()) {
            case TRUSTED_KEY -> "It is signed by a key you trust, " + fingerprint + ".";
            case UNTRUSTED_KEY -> "It is signed by a key you have not trusted, " + fingerprint + ": anyone can sign"
                    + " with a key of their own. If the fingerprint is the one your instructor publishes, trust the key"
                    + " and their packs install without asking.";
            case NOT_CHECKED -> "It is signed, but no key you trust matches the signature and it carries no key to"
                    + " check it with: anyone could have changed it. Install it only if you trust where it came from.";
            case UNSIGNED -> "It is " + UNSIGNED + ". Install it only if you trust where it came from.";
        };
    }

    /** Asks before removing an installed pack; the built-in pack cannot be removed. */
    void askRemove(ListedPack pack) {
        if (pack == null || pack.builtIn()) {
            return;
        }
        cancel();
        pendingRemove = pack;
        confirmLabel.set("Remove");
        question.set("Remove " + pack.title() + " (" + pack.id() + ")? Its files are deleted; your progress on it is"
                + " kept, so installing it again picks up where you left off.");
    }

    void cancel() {
        pendingInstall = null;
        pendingRemove = null;
        pendingSwitch = null;
        trustOffered.set(false);
        report.clear();
        question.set("");
        confirmLabel.set("");
    }

    /** Does what the open question asked. */
    void confirm() {
        if (busy.get()) {
            return;
        }
        InstallPlan install = pendingInstall;
        ListedPack remove = pendingRemove;
        ListedPack switchTo = pendingSwitch;
        cancel();
        if (install != null) {
            status.set("Installing " + name(install) + "…");
            work(() -> {
                packs.install(install);
                return packs.list();
            }, all -> {
                listed.setAll(all);
                status.set("Installed " + name(install) + "." + (install.outcome() == InstallPlan.Outcome.NEW_VERSION
                        ? "" : " Choose Use to walk it."));
                followActive(all);
            });
        } else if (remove != null) {
            work(() -> {
                packs.remove(remove);
                return packs.list();
            }, all -> {
                listed.setAll(all);
                status.set("Removed " + remove.title() + ". Your progress on it is kept.");
                followActive(all);
            });
        } else if (switchTo != null) {
            walk(switchTo);
        }
    }

    /** Whether "Use" is offered: for every pack but the one the app walks and keeps active. */
    boolean canUse(ListedPack pack) {
        return !pack.active() || notWalked(pack);
    }

    /** Makes a pack the active one and walks it at once, asking first when that would stop something running. */
    void use(ListedPack pack) {
        if (pack == null || !canUse(pack) || busy.get()) {
            return;
        }
        if (switcher.isEmpty()) {
            makeActive(pack, this::followActive);
        } else {
            askOrWalk(pack);
        }
    }

    /** After a change: walks the active pack at once if the app walks another (asking first), else says when. */
    private void followActive(List<ListedPack> all) {
        Optional<ListedPack> unwalked = all.stream().filter(ListedPack::active).filter(this::notWalked).findFirst();
        restartNotice.set(unwalked.map(this::waitingNotice).orElse(""));
        if (switcher.isPresent()) {
            unwalked.ifPresent(this::askOrWalk);
        }
    }

    private String waitingNotice(ListedPack pack) {
        String next = pack.title() + " " + pack.version();
        if (switcher.isEmpty()) {
            return "The app walks the pack given with --pack, so " + next + " is walked from its next start without"
                    + " --pack.";
        }
        return next + " is the active pack, but the app still walks " + walking.map(PackInfo::title).orElse("no pack")
                + ": choose Use on it to switch now, or restart the app.";
    }

    private void askOrWalk(ListedPack pack) {
        List<String> stopping = switcher.orElseThrow().wouldStop().get();
        if (stopping.isEmpty()) {
            walk(pack);
            return;
        }
        cancel();
        pendingSwitch = pack;
        confirmLabel.set("Switch");
        question.set("Switch to " + pack.title() + " now? Switching stops " + inWords(stopping) + "; your progress"
                + " is kept.");
    }

    /** Makes the pack active if it is not yet, then has the app walk it; this section is built again after. */
    private void walk(ListedPack pack) {
        Runnable switchNow = switcher.orElseThrow().switchNow();
        if (pack.active()) {
            status.set("Opening " + pack.title() + "…");
            switchNow.run();
        } else {
            makeActive(pack, all -> {
                status.set("Opening " + pack.title() + "…");
                switchNow.run();
            });
        }
    }

    /** Trusts the key that signed the pack the open question is about, then installs the pack. */
    void trustKeyAndInstall() {
        InstallPlan install = pendingInstall;
        if (busy.get() || install == null || !trustOffered.get()) {
            return;
        }
        cancel();
        status.set("Installing " + name(install) + "…");
        work(() -> {
            packs.trustSignerAndInstall(install);
            return packs.list();
        }, all -> {
            listed.setAll(all);
            status.set("Installed " + name(install) + "; packs signed by the key " + install.signature().fingerprint()
                    .orElse("") + " now install without asking.");
            followActive(all);
        });
    }

    private void makeActive(ListedPack pack, Consumer<List<ListedPack>> then) {
        work(() -> {
            packs.use(pack);
            return packs.list();
        }, all -> {
            listed.setAll(all);
            status.set(pack.title() + " is the active pack.");
            then.accept(all);
        });
    }

    /** "a, b and c". */
    private static String inWords(List<String> phrases) {
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.getLast();
    }

    /** Runs one change off the UI thread; the section's buttons wait for it. */
    private <T> void work(Callable<T> change, Consumer<T> onSuccess) {
        busy.set(true);
        tasks.run(change, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    /** Whether the app walks another pack, or another version of it (an upgrade of the active pack), than this one. */
    private boolean notWalked(ListedPack pack) {
        return walking.map(info -> !info.id().equals(pack.id()) || !info.version().equals(pack.version())).orElse(true);
    }

    /** A pack in one line: title, id and version, how it is signed, and whether it is active. */
    String describe(ListedPack pack) {
        String signature = switch (pack.signature()) {
            case ListedPack.BUILT_IN -> "built in";
            case "trusted-key" -> "signed by a key you trust";
            case "untrusted-key" -> "signed by a key you had not trusted";
            case "unsigned" -> UNSIGNED;
            case "not-checked" -> "signed, not checked";
            default -> "signature unknown";
        };
        return pack.title() + " (" + pack.id() + " " + pack.version() + ", " + signature + ")"
                + (pack.active() ? " · active" : "");
    }

    private static String name(InstallPlan plan) {
        return plan.info().title() + " (" + plan.info().id() + " " + plan.info().version() + ")";
    }

    private void failed(Throwable failure) {
        if (failure instanceof InstallRefused refused) {
            status.set(Sentences.of("not installed: " + refused.getMessage()));
            problems.setAll(refused.details());
        } else {
            status.set(Sentences.of(failure));
        }
    }
}
