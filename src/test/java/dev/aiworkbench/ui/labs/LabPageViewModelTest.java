package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.TrustRequest;
import dev.aiworkbench.labs.checks.CheckStatus;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.ui.labs.Notice.Tone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab page's state machine over the real labs service and a temporary data folder, with every job run at once:
 * trust before the first start, start, a failing check and what it says, reveal the solution, check again (which
 * marks the curriculum task), stop, and failures as sentences. No scene, no FX thread, no sleeps.
 */
class LabPageViewModelTest {
    @TempDir
    Path temp;

    private PracticeLabs fixture;
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private int tasksMarked;
    private LabsViewModel labs;
    private LabPageViewModel page;

    @BeforeEach
    void openThePracticeLab() {
        fixture = new PracticeLabs(temp);
        labs = new LabsViewModel(() -> fixture.labs, tasks, deliver -> deliver, () -> tasksMarked++);
        labs.load();
        labs.openLab(PracticeLabs.LAB);
        page = labs.page();
        assertThat(page.labId()).isEqualTo(PracticeLabs.LAB);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void trustAndStart() {
        page.start();
        assertThat(page.trustRequestProperty().get()).as("Start asks to trust the pack first").isNotNull();
        page.trustAndStart();
    }

    private StepViewModel step(String id) {
        return page.steps().stream().filter(s -> s.step().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void startAsksToTrustThePackVersionFirstAndRefusingRunsNothing() {
        assertThat(page.progressTextProperty().get()).isEqualTo("Week 3 · lab: not started");
        assertThat(page.canStartProperty().get()).isTrue();

        page.start();

        TrustRequest request = page.trustRequestProperty().get();
        assertThat(request).isNotNull();
        assertThat(request.packId()).isEqualTo(fixture.pack.id());
        assertThat(request.packVersion()).isEqualTo(fixture.pack.info().version());
        assertThat(fixture.labs.trusted()).isFalse();
        assertThat(Files.exists(fixture.workspace())).isFalse();

        List<TrustRequest> asked = new ArrayList<>();
        page.trustRequestProperty().addListener((obs, was, now) -> {
            if (now != null) {
                asked.add(now);
            }
        });
        page.start();
        assertThat(asked).as("Start asks again when the question was dismissed without an answer").hasSize(1);

        page.refuseTrust();

        assertThat(page.trustRequestProperty().get()).isNull();
        assertThat(fixture.labs.trusted()).isFalse();
        assertThat(Files.exists(fixture.workspace())).as("nothing was set up").isFalse();
        assertThat(page.noticeProperty().get()).isNull();
        assertThat(page.busyProperty().get()).isFalse();
        assertThat(page.canStartProperty().get()).isTrue();
    }

    @Test
    void trustingStartsTheLabAndSetsUpItsWorkspace() throws IOException {
        trustAndStart();

        assertThat(fixture.labs.trusted()).isTrue();
        assertThat(page.trustRequestProperty().get()).isNull();
        assertThat(Files.readString(fixture.workspace().resolve("notes.md"))).isEqualTo("TODO: my notes\n");
        Notice notice = page.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Tone.SUCCESS);
        assertThat(notice.title()).isEqualTo("Your workspace is ready");
        assertThat(notice.text()).startsWith("Copied 1 file into " + fixture.workspace())
                .endsWith("Work there, then press Check.");
        assertThat(page.busyProperty().get()).isFalse();

        // Trusted now: a page opened afterwards starts without asking.
        LabsViewModel again = new LabsViewModel(() -> fixture.labs, tasks, deliver -> deliver, () -> { });
        again.load();
        again.openLab(PracticeLabs.LAB);
        again.page().start();
        assertThat(again.page().trustRequestProperty().get()).isNull();
        assertThat(again.page().noticeProperty().get().title()).isEqualTo("Your workspace is ready");
    }

    @Test
    void aFailingCheckSaysWhatToDoNextAndTheListShowsTheProgress() {
        trustAndStart();

        page.checkAll();

        Notice notice = page.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Tone.WARNING);
        assertThat(notice.title()).isEqualTo("0 of 2 checks pass");
        assertThat(notice.text()).isEqualTo("Each failing check below says what to do next.");
        StepViewModel.Outcome notes = step("notes").resultProperty("notes-written").get();
        assertThat(notes.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(notes.message()).contains("Expected the file 'notes.md' to match").contains(PracticeLabs.NOTES_HINT);
        assertThat(step("notes").tallyProperty().get()).isEqualTo("0 of 1 pass");
        assertThat(step("notes").guideExpandedProperty().get()).as("the first step not passed opens").isTrue();
        assertThat(step("answer").guideExpandedProperty().get()).isFalse();
        assertThat(page.progressTextProperty().get()).isEqualTo("Week 3 · lab: 0 of 2 checks pass");
        assertThat(labs.entries()).filteredOn(e -> e.lab().id().equals(PracticeLabs.LAB)).singleElement()
                .extracting(LabEntry::status).isEqualTo("Week 3 · 0 of 2 checks pass");
        assertThat(page.busyProperty().get()).isFalse();
        assertThat(page.canCheckProperty().get()).isTrue();
        assertThat(tasksMarked).isZero();
    }

    @Test
    void checkingOneStepSpeaksOfThatStepAndOpensTheNextGuide() throws IOException {
        trustAndStart();
        Files.writeString(fixture.workspace().resolve("notes.md"), "We index the runbooks in Qdrant.\n");

        page.checkStep("notes");

        assertThat(page.noticeProperty().get().title()).isEqualTo("The check passes");
        assertThat(step("notes").resultProperty("notes-written").get().status()).isEqualTo(CheckStatus.PASS);
        assertThat(step("answer").resultProperty("answer-written").get()).as("not checked yet").isNull();
        assertThat(step("notes").guideExpandedProperty().get()).isFalse();
        assertThat(step("answer").guideExpandedProperty().get()).isTrue();
        assertThat(page.progressTextProperty().get()).isEqualTo("Week 3 · lab: 1 of 2 checks pass");
    }

    @Test
    void aCheckMadeElsewhereShowsOnThePageAndTheListWhenOthersWrote() throws IOException {
        trustAndStart();
        Files.writeString(fixture.workspace().resolve("notes.md"), "We index the runbooks in Qdrant.\n");
        boolean notesGuideOpen = step("notes").guideExpandedProperty().get();

        // as `workbench lab check` in a terminal would: the labs service, not this page
        fixture.labs.check(PracticeLabs.LAB, java.util.Optional.of("notes"));
        assertThat(step("notes").resultProperty("notes-written").get()).as("not read yet").isNull();
        labs.othersWrote();

        assertThat(step("notes").resultProperty("notes-written").get().status()).isEqualTo(CheckStatus.PASS);
        assertThat(page.progressTextProperty().get()).isEqualTo("Week 3 · lab: 1 of 2 checks pass");
        assertThat(labs.entries()).filteredOn(e -> e.lab().id().equals(PracticeLabs.LAB)).singleElement()
                .extracting(LabEntry::status).isEqualTo("Week 3 · 1 of 2 checks pass");
        assertThat(step("notes").guideExpandedProperty().get()).as("the guides stay as the learner left them")
                .isEqualTo(notesGuideOpen);
    }

    @Test
    void revealingTheSolutionSaysWhatItWroteAndKeptAndThenEveryCheckPasses() throws IOException {
        trustAndStart();
        page.checkAll();

        page.revealSolution();

        SolutionReveal reveal = page.solutionProperty().get();
        assertThat(reveal).isNotNull();
        assertThat(reveal.report().written()).containsExactly("answer.txt", "notes.md");
        assertThat(reveal.report().backedUp()).containsExactly("notes.md");
        assertThat(reveal.writtenSentence()).isEqualTo("Wrote 2 files into " + fixture.workspace() + ":");
        assertThat(reveal.backedUpSentence()).startsWith("Your previous version is kept in "
                + fixture.workspace().resolve(".workbench-backup"));
        assertThat(reveal.nextStep()).isEqualTo("Press Check to see the result.");
        assertThat(page.noticeProperty().get()).as("the report replaces the last notice").isNull();
        assertThat(Files.readString(fixture.workspace().resolve("notes.md"))).contains("Qdrant");
        assertThat(Files.readString(reveal.report().backup().resolve("notes.md"))).isEqualTo("TODO: my notes\n");

        page.checkAll();

        Notice notice = page.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Tone.SUCCESS);
        assertThat(notice.title()).isEqualTo("All 2 checks pass");
        assertThat(notice.text()).isEqualTo("You finished this lab. Marked done in the curriculum: "
                + PracticeLabs.MARKED_TASK + ".");
        assertThat(page.progressTextProperty().get()).isEqualTo("Week 3 · lab: passed");
        assertThat(tasksMarked).isEqualTo(1);
        assertThat(fixture.progress.snapshot(fixture.pack).state(PracticeLabs.MARKED_TASK)).isEqualTo(TaskState.DONE);
        assertThat(labs.statusProperty().get()).isEqualTo("2 labs, 1 passed.");
        assertThat(page.steps()).allMatch(StepViewModel::allPassed);
    }

    @Test
    void stopSaysTheLabIsStoppedAndKeepsTheWorkspace() {
        trustAndStart();

        page.stop();

        Notice notice = page.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Tone.SUCCESS);
        assertThat(notice.title()).isEqualTo("The lab is stopped");
        assertThat(notice.text()).isEqualTo("Nothing of the lab is left running. Your workspace and results stay.");
        assertThat(page.busyProperty().get()).isFalse();
        assertThat(page.canStartProperty().get()).isTrue();
        assertThat(fixture.services.run(PracticeLabs.LAB).map(run -> run.active())).hasValue(false);
        assertThat(Files.exists(fixture.workspace().resolve("notes.md"))).isTrue();
    }

    @Test
    void aFailureBecomesASentenceAndThePageCanCarryOn() {
        trustAndStart();
        int started = tasks.started();

        page.checkStep("no-such-step");

        assertThat(tasks.started()).isEqualTo(started + 1);
        Notice notice = page.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Tone.DANGER);
        assertThat(notice.title()).isEqualTo("That did not work");
        assertThat(notice.text()).isEqualTo("Lab practice has no step 'no-such-step'; its steps are notes, answer.");
        assertThat(page.busyProperty().get()).isFalse();
        assertThat(page.canCheckProperty().get()).as("a failed check does not leave Check disabled").isTrue();

        page.checkAll();
        assertThat(page.noticeProperty().get().title()).isEqualTo("0 of 2 checks pass");
    }

    @Test
    void failuresReadAsSentencesWithoutTheirWrapping() {
        assertThat(LabNotices.failure(new CompletionException(new IllegalStateException("docker is not running here"))))
                .isEqualTo("Docker is not running here.");
        assertThat(LabNotices.failure(new IOException()))
                .isEqualTo("That did not work (IOException); the log in the data folder has the details.");
    }

    @Test
    void revealingASolutionTheLabDoesNotHaveSaysSo() {
        labs.openLab("later-practice");
        LabPageViewModel later = labs.page();
        assertThat(page.labId()).isNotEqualTo(later.labId());

        later.revealSolution();

        assertThat(later.noticeProperty().get().text()).isEqualTo("Lab later-practice has no reference solution.");
        assertThat(later.canSolveProperty().get()).isTrue();
        assertThat(later.busyProperty().get()).isFalse();
    }
}
