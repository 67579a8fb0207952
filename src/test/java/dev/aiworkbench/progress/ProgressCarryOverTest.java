package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressCarryOverTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00", ZoneId.of("Europe/Berlin"));
    private final Pack v1 = TestPacks.grid(1, 1, 4, 3, 9);

    @TempDir
    Path temp;
    private Database database;
    private ProgressService progress;
    private ProgressCarryOver carryOver;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        progress = new ProgressService(database, clock);
        carryOver = new ProgressCarryOver(database, List.of(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Pack v2(Map<String, String> renamed, Set<String> removed) {
        return TestPacks.revised(v1, "2.0.0", renamed, removed, List.of(), Map.of());
    }

    @Test
    void progressOnAReplacedIdMovesToItsReplacementWithItsHistoryAndTime() {
        progress.mark(v1, "w1-t1", TaskState.DONE);
        progress.addMinutes(v1, "w1-t1", 40);
        progress.mark(v1, "w1-t2", TaskState.IN_PROGRESS);
        Pack v2 = v2(Map.of("w1-t1", "w1-deploy"), Set.of());

        CarryOverPlan plan = carryOver.plan(v2, Optional.of(v1));
        carryOver.apply(plan);

        assertThat(plan.moved()).containsExactly(new CarryOverPlan.Move("w1-t1", "w1-deploy", false));
        assertThat(plan.kept()).containsExactly("w1-t2");
        assertThat(plan.archived()).isEmpty();
        ProgressSnapshot after = progress.snapshot(v2);
        assertThat(after.state("w1-deploy")).isEqualTo(TaskState.DONE);
        assertThat(after.state("w1-t2")).isEqualTo(TaskState.IN_PROGRESS);
        assertThat(after.minutesByItem(clock.instant())).containsEntry("w1-deploy", 40L).doesNotContainKey("w1-t1");
        assertThat(after.events()).extracting(ProgressEvent::itemId).doesNotContain("w1-t1").contains("w1-deploy");
    }

    @Test
    void progressOnARemovedIdIsArchivedOutOfSightAndComesBackWhenALaterVersionRestoresTheId() {
        progress.mark(v1, "w2-t3", TaskState.DONE);
        progress.saveNote(v1, "week-2", "what I learnt");
        progress.addMinutes(v1, "w2-t3", 25);
        String before = DatabaseDump.of(database);
        Pack v2 = v2(Map.of(), Set.of("w2-t3"));

        CarryOverPlan plan = carryOver.plan(v2, Optional.of(v1));
        assertThat(DatabaseDump.of(database)).as("planning writes nothing").isEqualTo(before);
        carryOver.apply(plan);

        assertThat(plan.archived()).extracting(ArchivedItem::id, ArchivedItem::title, ArchivedItem::packVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w2-t3", "Task 3 of week 2", "1.0.0"));
        assertThat(plan.kept()).containsExactly("week-2");
        assertThat(progress.snapshot(v2).states()).doesNotContainKey("w2-t3");
        assertThat(progress.snapshot(v2).minutesByItem(clock.instant())).doesNotContainKey("w2-t3");
        assertThat(carryOver.archived(v1.id())).extracting(ArchivedItem::id).containsExactly("w2-t3");

        Pack v3 = TestPacks.revised(v1, "3.0.0", Map.of(), Set.of(), List.of(), Map.of());
        CarryOverPlan back = carryOver.plan(v3, Optional.of(v2));
        carryOver.apply(back);

        assertThat(back.restored()).extracting(ArchivedItem::id).containsExactly("w2-t3");
        ProgressSnapshot restored = progress.snapshot(v3);
        assertThat(restored.state("w2-t3")).isEqualTo(TaskState.DONE);
        assertThat(restored.minutesByItem(clock.instant())).containsEntry("w2-t3", 25L);
        assertThat(restored.events()).filteredOn(e -> e.itemId().equals("w2-t3")).isNotEmpty();
        assertThat(carryOver.archived(v1.id())).isEmpty();
    }

    @Test
    void anArchivedIdThatALaterVersionReplacesMovesStraightFromTheArchive() {
        progress.mark(v1, "w3-t1", TaskState.DONE);
        Pack v2 = v2(Map.of(), Set.of("w3-t1"));
        carryOver.apply(carryOver.plan(v2, Optional.of(v1)));
        Pack v3 = TestPacks.revised(v1, "3.0.0", Map.of("w3-t1", "w3-evals"), Set.of(), List.of(), Map.of());

        CarryOverPlan plan = carryOver.plan(v3, Optional.of(v2));
        carryOver.apply(plan);

        assertThat(plan.moved()).containsExactly(new CarryOverPlan.Move("w3-t1", "w3-evals", true));
        assertThat(progress.snapshot(v3).state("w3-evals")).isEqualTo(TaskState.DONE);
        assertThat(carryOver.archived(v1.id())).isEmpty();
    }

    @Test
    void whenTheReplacementAlreadyHasAStateTheOldOneIsArchivedRatherThanOverwritten() {
        progress.mark(v1, "w1-t1", TaskState.DONE);
        progress.mark(v1, "w1-t2", TaskState.SKIPPED);
        Pack v2 = TestPacks.revised(v1, "2.0.0", Map.of(), Set.of("w1-t1"), List.of(), Map.of("w1-t1", "w1-t2"));

        carryOver.apply(carryOver.plan(v2, Optional.of(v1)));

        assertThat(progress.snapshot(v2).state("w1-t2")).isEqualTo(TaskState.SKIPPED);
        assertThat(carryOver.archived(v1.id())).extracting(ArchivedItem::id).containsExactly("w1-t1");
    }

    @Test
    void aPlanWithNothingToCarryChangesNothing() {
        progress.mark(v1, "w1-t1", TaskState.DONE);
        String before = DatabaseDump.of(database);

        CarryOverPlan plan = carryOver.plan(v2(Map.of(), Set.of()), Optional.of(v1));
        carryOver.apply(plan);

        assertThat(plan.changesAnything()).isFalse();
        assertThat(DatabaseDump.of(database)).isEqualTo(before);
    }
}
