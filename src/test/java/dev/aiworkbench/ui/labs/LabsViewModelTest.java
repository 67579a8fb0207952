package dev.aiworkbench.ui.labs;

import dev.aiworkbench.testing.ImmediateTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of labs over the real labs service: order, status line, which lab opens, and what goes wrong. */
class LabsViewModelTest {
    @TempDir
    Path temp;

    private PracticeLabs fixture;
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();

    @BeforeEach
    void labs() {
        fixture = new PracticeLabs(temp);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private LabsViewModel model() {
        return new LabsViewModel(() -> fixture.labs, tasks, deliver -> deliver, () -> { });
    }

    @Test
    void theListIsByFirstWeekAndTheFirstLabOpens() {
        LabsViewModel model = model();
        assertThat(model.statusProperty().get()).isEqualTo("Reading the labs…");
        assertThat(model.loadedProperty().get()).isFalse();

        model.load();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.entries()).extracting(e -> e.lab().id()).containsExactly("practice", "later-practice");
        assertThat(model.entries()).extracting(LabEntry::status)
                .containsExactly("Week 3 · not started", "Week 9 · not started");
        assertThat(model.statusProperty().get()).isEqualTo("2 labs, 0 passed.");
        assertThat(model.page().labId()).isEqualTo("practice");

        model.load();
        assertThat(tasks.started()).as("the list is read once").isEqualTo(2);
    }

    @Test
    void aLabAskedForBeforeTheListIsReadOpensOnceItIs() {
        LabsViewModel model = model();
        model.openLab("later-practice");
        assertThat(model.page()).isNull();

        model.load();

        assertThat(model.page().labId()).isEqualTo("later-practice");
    }

    @Test
    void choosingTheOpenLabAgainKeepsItsPage() {
        LabsViewModel model = model();
        model.load();
        LabPageViewModel first = model.page();

        model.open(model.entries().getFirst());
        assertThat(model.page()).isSameAs(first);

        model.open(model.entries().get(1));
        assertThat(model.page()).isNotSameAs(first);
        assertThat(model.page().labId()).isEqualTo("later-practice");
    }

    @Test
    void anUnknownLabIsNamed() {
        LabsViewModel model = model();
        model.load();

        model.openLab("gateway-lab");

        assertThat(model.statusProperty().get()).isEqualTo("There is no lab 'gateway-lab' in this pack.");
        assertThat(model.page().labId()).isEqualTo("practice");
    }

    @Test
    void labsThatCannotBeReadSaySoInASentence() {
        LabsViewModel model = new LabsViewModel(() -> {
            throw new IllegalStateException("the labs folder is not readable");
        }, tasks, deliver -> deliver, () -> { });

        model.load();

        assertThat(model.statusProperty().get())
                .isEqualTo("The labs could not be read. The labs folder is not readable.");
        assertThat(model.loadedProperty().get()).isFalse();
        assertThat(model.entries()).isEmpty();
    }
}
