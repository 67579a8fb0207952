package dev.aiworkbench.ui.settings;

import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.packs.InstallPlan;
import dev.aiworkbench.packs.InstallRefused;
import dev.aiworkbench.packs.InstalledPacks;
import dev.aiworkbench.packs.ListedPack;
import dev.aiworkbench.packs.PackSignature;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Packs section of Settings: the built-in and installed packs, "Install pack…" that shows what installing
 * would do and asks first, and per pack "Use" and "Remove". The app reads its pack once, at start, so a switch
 * says to restart rather than swapping the pack under the open screens.
 */
public final class PacksViewModel {
    static final String UNSIGNED = "unsigned: anyone could have changed it";

    private final InstalledPacks packs;
    private final TaskExecutor tasks;
    private final Optional<PackInfo> walking;
    private final ObservableList<ListedPack> listed = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper restartNotice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper trustOffered = new ReadOnlyBooleanWrapper(false);
    private InstallPlan pendingInstall;
    private ListedPack pendingRemove;

    /** @param walking the pack the app read at start, so a switch back to it needs no restart */
    public PacksViewModel(InstalledPacks packs, TaskExecutor tasks, Optional<PackInfo> walking) {
        this.packs = packs;
        this.tasks = tasks;
        this.walking = walking;
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

    /** The confirming button's text: "Install" or "Remove". */
    ReadOnlyStringProperty confirmLabelProperty() {
        return confirmLabel.getReadOnlyProperty();
    }

    /** Set when the active pack is not the one the app walks now. */
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

    /** Reads a chosen or dropped zip or folder and shows what installing it would do; nothing is written yet. */
    void chooseSource(Path source) {
        if (source == null || busy.get()) {
            return;
        }
        cancel();
        problems.clear();
        status.set("Reading " + source.getFileName() + "…");
        work(() -> packs.plan(source), this::showPlan);
    }

    private void showPlan(InstallPlan plan) {
        String name = name(plan);
        if (plan.outcome() == InstallPlan.Outcome.ALREADY_INSTALLED) {
            status.set(name + " is already installed; nothing changed.");
            return;
        }
        status.set("");
        pendingInstall = plan;
        confirmLabel.set("Install");
        trustOffered.set(plan.signature().kind() == PackSignature.Kind.UNTRUSTED_KEY);
        question.set("Install " + name + "? " + whatItIs(plan) + " " + whoMadeIt(plan.signature()));
    }

    private static String whatItIs(InstallPlan plan) {
        return plan.outcome() == InstallPlan.Outcome.NEW_VERSION
                ? "It is a new version of a pack you have: it goes beside the one installed and is used for it from now on."
                : "It is new here.";
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
        trustOffered.set(false);
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
                showRestartNotice(all);
            });
        } else if (remove != null) {
            work(() -> {
                packs.remove(remove);
                return packs.list();
            }, all -> {
                listed.setAll(all);
                status.set("Removed " + remove.title() + ". Your progress on it is kept.");
                showRestartNotice(all);
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
            showRestartNotice(all);
        });
    }

    /** Makes a pack the active one; the app walks it from its next start. */
    void use(ListedPack pack) {
        if (pack == null || pack.active() || busy.get()) {
            return;
        }
        work(() -> {
            packs.use(pack);
            return packs.list();
        }, all -> {
            listed.setAll(all);
            status.set(pack.title() + " is the active pack.");
            showRestartNotice(all);
        });
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

    private void showRestartNotice(List<ListedPack> all) {
        restartNotice.set(all.stream().filter(ListedPack::active).filter(this::notWalked).findFirst()
                .map(p -> "Restart the app to walk " + p.title() + " " + p.version() + ": it reads its pack once, when"
                        + " it starts.")
                .orElse(""));
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
            status.set(Sentences.of(failure.getMessage()));
        }
    }
}
