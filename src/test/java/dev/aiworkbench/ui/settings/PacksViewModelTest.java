package dev.aiworkbench.ui.settings;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.curriculum.bundle.SigningKeys;
import dev.aiworkbench.packs.InstalledPacks;
import dev.aiworkbench.packs.PackInstallation;
import dev.aiworkbench.packs.ListedPack;
import dev.aiworkbench.packs.PackShelf;
import dev.aiworkbench.packs.TrustedKey;
import dev.aiworkbench.packs.TrustedKeys;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DeferredTaskExecutor;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.SignedPacks;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Packs section of Settings over a temporary data folder, on the synchronous executor. The app's switch is a
 * stand-in that counts the switches it is asked for and says what would stop.
 */
class PacksViewModelTest {
    private static final Path SECOND_PACK = Path.of("curriculum", "llm-evals-in-practice");
    private static final String SECOND_ID = "llm-evals-in-practice";
    private static final String SECOND_TITLE = "LLM Evals in Practice";

    @TempDir
    Path temp;

    private PackShelf shelf;
    private TrustedKeys trusted;
    private PacksViewModel model;
    private final List<String> running = new ArrayList<>();
    private int switches;

    @BeforeEach
    void open() {
        shelf = new PackShelf(temp.resolve("data/packs"));
        trusted = new TrustedKeys(temp.resolve("data/trusted-keys"), Clock.systemUTC());
        model = walking(builtIn());
    }

    private PacksViewModel walking(PackInfo walked) {
        PacksViewModel opened = new PacksViewModel(new InstalledPacks(shelf, trusted, AppInfo.version()),
                new ImmediateTaskExecutor(), Optional.of(walked), Optional.of(appSwitch()));
        opened.load();
        return opened;
    }

    private PackSwitch appSwitch() {
        return new PackSwitch(() -> List.copyOf(running), () -> switches++);
    }

    private static PackInfo second() {
        return PackFiles.load(SECOND_PACK).pack().orElseThrow().info();
    }

    private static PackInfo builtIn() {
        return InstalledPack.load(Optional.empty(), AppInfo.version()).pack().orElseThrow().info();
    }

    private ListedPack listed(String id) {
        return model.packs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private void install(Path source) {
        model.chooseSource(source);
        model.confirm();
    }

    @Test
    void at_first_only_the_built_in_pack_is_listed_and_it_is_active() {
        assertThat(model.packs()).singleElement().satisfies(pack -> {
            assertThat(pack.id()).isEqualTo(InstalledPack.DEFAULT_PACK);
            assertThat(pack.builtIn()).isTrue();
            assertThat(pack.active()).isTrue();
        });
        assertThat(model.describe(model.packs().get(0))).contains("(" + InstalledPack.DEFAULT_PACK + " ")
                .contains("built in").endsWith(" · active");
    }

    @Test
    void installing_shows_the_plan_first_and_writes_nothing_until_confirmed() {
        model.chooseSource(SECOND_PACK);

        assertThat(model.questionProperty().get()).startsWith("Install " + SECOND_TITLE + " (" + SECOND_ID + " 1.0.0)?")
                .contains("It is new here.").contains("unsigned: anyone could have changed it");
        assertThat(model.confirmLabelProperty().get()).isEqualTo("Install");
        assertThat(shelf.list()).isEmpty();

        model.cancel();
        assertThat(model.questionProperty().get()).isEmpty();
        model.confirm();
        assertThat(shelf.list()).isEmpty();
        assertThat(model.packs()).hasSize(1);
    }

    @Test
    void an_installed_pack_is_listed_beside_the_built_in_one_and_installing_it_again_changes_nothing() {
        install(SECOND_PACK);

        assertThat(model.statusProperty().get()).isEqualTo("Installed " + SECOND_TITLE + " (" + SECOND_ID + " 1.0.0)."
                + " Choose Use to walk it.");
        assertThat(model.packs()).extracting(ListedPack::id).containsExactly(InstalledPack.DEFAULT_PACK, SECOND_ID);
        ListedPack second = listed(SECOND_ID);
        assertThat(second.active()).isFalse();
        assertThat(model.describe(second)).isEqualTo(SECOND_TITLE + " (" + SECOND_ID
                + " 1.0.0, unsigned: anyone could have changed it)");

        model.chooseSource(SECOND_PACK);
        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo(SECOND_TITLE + " (" + SECOND_ID + " 1.0.0) is already"
                + " installed; nothing changed.");
    }

    @Test
    void use_makes_the_pack_active_and_has_the_app_walk_it_at_once() {
        install(SECOND_PACK);

        model.use(listed(SECOND_ID));

        assertThat(shelf.activeId()).contains(SECOND_ID);
        assertThat(listed(SECOND_ID).active()).isTrue();
        assertThat(switches).isEqualTo(1);
        assertThat(model.statusProperty().get()).isEqualTo("Opening " + SECOND_TITLE + "…");
        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.restartNoticeProperty().get()).isEmpty();
    }

    @Test
    void use_asks_first_when_the_switch_would_stop_something_running_and_cancel_changes_nothing() {
        install(SECOND_PACK);
        running.addAll(List.of("the lab Eval regression", "a playground run", "an eval run"));

        model.use(listed(SECOND_ID));

        assertThat(model.questionProperty().get()).isEqualTo("Switch to " + SECOND_TITLE + " now? Switching stops the"
                + " lab Eval regression, a playground run and an eval run; your progress is kept.");
        assertThat(model.confirmLabelProperty().get()).isEqualTo("Switch");
        assertThat(shelf.activeId()).as("nothing is written before the learner agrees").isEmpty();
        assertThat(switches).isZero();

        model.cancel();
        model.confirm();
        assertThat(shelf.activeId()).isEmpty();
        assertThat(switches).isZero();

        model.use(listed(SECOND_ID));
        model.confirm();
        assertThat(shelf.activeId()).contains(SECOND_ID);
        assertThat(switches).isEqualTo(1);
    }

    @Test
    void the_pack_the_app_walks_offers_no_use() {
        install(SECOND_PACK);

        assertThat(model.canUse(listed(InstalledPack.DEFAULT_PACK))).isFalse();
        assertThat(model.canUse(listed(SECOND_ID))).isTrue();
        model.use(listed(InstalledPack.DEFAULT_PACK));
        assertThat(switches).isZero();
    }

    @Test
    void removing_the_walked_pack_switches_the_app_back_to_the_built_in_one() {
        install(SECOND_PACK);
        model.use(listed(SECOND_ID));
        PacksViewModel walked = walking(second());

        walked.askRemove(listed(SECOND_ID));
        walked.confirm();

        assertThat(shelf.activeId()).isEmpty();
        assertThat(switches).as("once for Use, once for the removal").isEqualTo(2);
        assertThat(walked.statusProperty().get()).isEqualTo("Opening " + builtIn().title() + "…");
    }

    @Test
    void a_declined_switch_after_a_change_leaves_a_notice_and_use_on_the_active_pack_switches_later() {
        install(SECOND_PACK);
        model.use(listed(SECOND_ID));
        PacksViewModel walked = walking(second());
        running.add("an eval run");

        walked.askRemove(walked.packs().get(1));
        walked.confirm();
        assertThat(walked.questionProperty().get()).startsWith("Switch to " + builtIn().title() + " now? Switching"
                + " stops an eval run;");
        walked.cancel();

        assertThat(switches).isEqualTo(1);
        assertThat(walked.restartNoticeProperty().get()).isEqualTo(builtIn().title() + " " + builtIn().version()
                + " is the active pack, but the app still walks " + SECOND_TITLE + ": choose Use on it to switch now,"
                + " or restart the app.");
        ListedPack builtInPack = walked.packs().get(0);
        assertThat(builtInPack.active()).isTrue();
        assertThat(walked.canUse(builtInPack)).isTrue();

        walked.use(builtInPack);
        walked.confirm();
        assertThat(switches).isEqualTo(2);
    }

    @Test
    void started_with_a_pack_on_the_command_line_use_only_chooses_the_pack_of_the_next_plain_start() {
        PacksViewModel pinned = new PacksViewModel(new InstalledPacks(shelf, trusted, AppInfo.version()),
                new ImmediateTaskExecutor(), Optional.of(builtIn()), Optional.empty());
        pinned.load();
        pinned.chooseSource(SECOND_PACK);
        pinned.confirm();

        pinned.use(pinned.packs().get(1));

        assertThat(shelf.activeId()).contains(SECOND_ID);
        assertThat(pinned.restartNoticeProperty().get()).isEqualTo("The app walks the pack given with --pack, so "
                + SECOND_TITLE + " 1.0.0 is walked from its next start without --pack.");

        pinned.use(pinned.packs().get(0));

        assertThat(shelf.activeId()).isEmpty();
        assertThat(pinned.restartNoticeProperty().get()).isEmpty();
        assertThat(switches).isZero();
    }

    @Test
    void remove_asks_saying_progress_is_kept_then_the_pack_is_gone_and_the_built_in_one_is_active_again() {
        install(SECOND_PACK);
        model.use(listed(SECOND_ID));

        model.askRemove(listed(SECOND_ID));
        assertThat(model.questionProperty().get()).startsWith("Remove " + SECOND_TITLE + " (" + SECOND_ID + ")?")
                .contains("your progress on it is kept");
        assertThat(model.confirmLabelProperty().get()).isEqualTo("Remove");
        assertThat(shelf.find(SECOND_ID)).isPresent();
        model.confirm();

        assertThat(model.packs()).extracting(ListedPack::id).containsExactly(InstalledPack.DEFAULT_PACK);
        assertThat(listed(InstalledPack.DEFAULT_PACK).active()).isTrue();
        assertThat(shelf.find(SECOND_ID)).isEmpty();
        assertThat(shelf.activeId()).isEmpty();
        assertThat(model.statusProperty().get()).contains("Your progress on it is kept");
        assertThat(model.restartNoticeProperty().get()).isEmpty();
    }

    @Test
    void the_built_in_pack_cannot_be_removed() {
        model.askRemove(listed(InstalledPack.DEFAULT_PACK));

        assertThat(model.questionProperty().get()).isEmpty();
        model.confirm();
        assertThat(model.packs()).hasSize(1);
    }

    @Test
    void a_broken_pack_is_refused_with_its_problems_and_nothing_is_installed() {
        Path broken = PackFiles.copyFolder(SECOND_PACK, temp.resolve("broken"));
        PackFiles.replaceLine(broken.resolve("pack.yaml"), "version:", "version: one-point-oh");

        model.chooseSource(broken);

        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Not installed: the pack has 1 error(s);").endsWith(".");
        assertThat(model.problems()).singleElement().asString().startsWith("pack.yaml:").contains("version");
        model.confirm();
        assertThat(Files.exists(shelf.root())).isFalse();
        assertThat(model.packs()).hasSize(1);

        model.chooseSource(SECOND_PACK);
        assertThat(model.problems()).as("a new choice clears the last refusal").isEmpty();
    }


    @Test
    void while_a_pack_is_read_the_section_is_busy_and_takes_no_second_change() {
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        PacksViewModel slow = new PacksViewModel(new InstalledPacks(shelf, trusted, AppInfo.version()), tasks,
                Optional.of(builtIn()), Optional.of(appSwitch()));

        slow.chooseSource(SECOND_PACK);
        slow.chooseSource(SECOND_PACK);

        assertThat(slow.busyProperty().get()).isTrue();
        assertThat(tasks.held()).isEqualTo(1);
        tasks.runNext();
        assertThat(slow.busyProperty().get()).isFalse();
        assertThat(slow.questionProperty().get()).startsWith("Install " + SECOND_TITLE);
    }

    @Test
    void a_new_version_of_the_walked_pack_is_planned_as_one_and_installing_it_switches_the_app_to_it() {
        install(SECOND_PACK);
        model.use(listed(SECOND_ID));
        PacksViewModel walked = walking(second());
        Path newer = PackFiles.copyFolder(SECOND_PACK, temp.resolve("newer"));
        PackFiles.replaceLine(newer.resolve("pack.yaml"), "version:", "version: 1.1.0");

        walked.chooseSource(newer);
        assertThat(walked.questionProperty().get()).startsWith("Upgrade to " + SECOND_TITLE + " (" + SECOND_ID + " 1.1.0)?")
                .contains("It replaces 1.0.0 (the changes are listed below)");
        assertThat(walked.confirmLabelProperty().get()).isEqualTo("Upgrade");
        assertThat(walked.report()).containsExactly("Changes from " + SECOND_ID + " 1.0.0 to 1.1.0:",
                "  none in weeks, tasks, checklists, labs or assessments");
        walked.confirm();

        assertThat(walked.packs()).extracting(ListedPack::version).last().isEqualTo("1.1.0");
        assertThat(switches).as("once for Use, once for the new version").isEqualTo(2);
        assertThat(walked.statusProperty().get()).isEqualTo("Opening " + SECOND_TITLE + "…");
    }

    @Test
    void an_upgrade_lists_its_changes_and_moves_progress_to_the_items_that_replace_old_ids() throws Exception {
        Files.createDirectories(temp.resolve("data"));
        try (Database database = Database.open(temp.resolve("data/workbench.db"))) {
            ProgressService progress = new ProgressService(database, Clock.systemUTC());
            Backups backups = new Backups(database, new BackupFolder(temp.resolve("data/backups")), Clock.systemUTC());
            PacksViewModel upgrading = new PacksViewModel(new InstalledPacks(shelf, trusted, AppInfo.version(),
                    Optional.of(new PackInstallation.Progress(new ProgressCarryOver(database, List.of(),
                            Clock.systemUTC()), backups))), new ImmediateTaskExecutor(), Optional.of(builtIn()),
                    Optional.of(appSwitch()));
            upgrading.load();
            upgrading.chooseSource(SECOND_PACK);
            upgrading.confirm();
            progress.mark(PackFiles.load(SECOND_PACK).pack().orElseThrow(), "w01-golden-set", TaskState.DONE);
            Path newer = PackFiles.secondPackRenamingGoldenSet(temp.resolve("newer"), "2.0.0");

            upgrading.chooseSource(newer);

            assertThat(upgrading.questionProperty().get()).startsWith("Upgrade to ")
                    .contains("Your progress: 1 item(s) move to the items that replace them.");
            assertThat(upgrading.report()).contains("  moves w01-golden-set -> w01-golden-dataset")
                    .anySatisfy(line -> assertThat(line).startsWith("    > w01-golden-set ")
                            .endsWith("(replaced by w01-golden-dataset)"));
            assertThat(backups.list()).isEmpty();

            upgrading.confirm();

            assertThat(progress.snapshot(PackFiles.load(newer).pack().orElseThrow()).state("w01-golden-dataset"))
                    .isEqualTo(TaskState.DONE);
            assertThat(backups.list()).extracting(Backup::reason).containsExactly(Backups.BEFORE_UPGRADE);
            assertThat(upgrading.report()).isEmpty();
        }
    }

    @Test
    void the_confirmation_says_in_a_sentence_how_the_pack_is_signed() throws Exception {
        SigningKeys.KeyFiles instructor = SignedPacks.keys(temp.resolve("instructor"));
        Path zip = SignedPacks.built(temp);
        SignedPacks.sign(zip, instructor);

        model.chooseSource(TinyPack.write(temp.resolve("folder")));
        String unsigned = model.questionProperty().get();
        boolean trustOfferedUnsigned = model.trustOfferedProperty().get();
        model.chooseSource(zip);
        String untrusted = model.questionProperty().get();
        boolean trustOfferedUntrusted = model.trustOfferedProperty().get();
        trusted.add(instructor.publicKey(), Optional.of("Course key"));
        model.chooseSource(zip);
        String trustedKey = model.questionProperty().get();
        boolean trustOfferedTrusted = model.trustOfferedProperty().get();

        assertThat(unsigned).endsWith("It is new here. It is unsigned: anyone could have changed it. Install it only if"
                + " you trust where it came from.");
        assertThat(trustOfferedUnsigned).isFalse();
        assertThat(untrusted).endsWith("It is new here. It is signed by a key you have not trusted, "
                + instructor.fingerprint() + ": anyone can sign with a key of their own. If the fingerprint is the one"
                + " your instructor publishes, trust the key and their packs install without asking.");
        assertThat(trustOfferedUntrusted).isTrue();
        assertThat(trustedKey).endsWith("It is new here. It is signed by a key you trust, " + instructor.fingerprint() + ".");
        assertThat(trustOfferedTrusted).isFalse();
    }

    @Test
    void trust_this_key_and_install_trusts_the_signer_then_installs_the_pack() {
        SigningKeys.KeyFiles instructor = SignedPacks.keys(temp.resolve("instructor"));
        Path zip = SignedPacks.built(temp);
        SignedPacks.sign(zip, instructor);
        model.chooseSource(zip);

        model.trustKeyAndInstall();

        assertThat(trusted.list()).extracting(TrustedKey::fingerprint).containsExactly(instructor.fingerprint());
        assertThat(shelf.find(TinyPack.ID)).isPresent();
        assertThat(model.questionProperty().get()).isEmpty();
        assertThat(model.trustOfferedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Installed Tiny pack (tiny-pack 1.2.0); packs signed by the"
                + " key " + instructor.fingerprint() + " now install without asking.");
        assertThat(model.describe(listed(TinyPack.ID))).isEqualTo("Tiny pack (tiny-pack 1.2.0, signed by a key you trust)");
    }

    @Test
    void an_unsigned_pack_offers_no_key_to_trust() {
        model.chooseSource(SECOND_PACK);

        model.trustKeyAndInstall();

        assertThat(trusted.list()).isEmpty();
        assertThat(shelf.list()).isEmpty();
        assertThat(model.questionProperty().get()).as("the question still waits for its answer").isNotEmpty();
    }
}
