package dev.aiworkbench.testing;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.ChecklistItem;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.LearningModule;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.TaskKind;
import dev.aiworkbench.curriculum.Week;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Packs for tests of progress and plan arithmetic, built in memory so their figures are obvious:
 * ids follow one scheme ({@code phase-1}, {@code module-1}, {@code week-3}, {@code w3-t2},
 * {@code milestone-1}, {@code ms1-c1}) and a week's hours are split evenly over its tasks.
 */
public final class TestPacks {
    public static final String PACK_ID = "test-pack";
    public static final String PACK_VERSION = "1.0.0";
    public static final int CHECKS_PER_MILESTONE = 2;

    private static Pack defaultPack;

    private TestPacks() {
    }

    /** The built-in default pack, loaded once; fails the test if it does not load valid. */
    public static synchronized Pack defaultPack() {
        if (defaultPack == null) {
            InstalledPack installed = InstalledPack.load(Optional.empty(), AppInfo.version());
            if (!installed.result().valid()) {
                throw new AssertionError("the default pack does not load valid: " + installed.result().problems());
            }
            defaultPack = installed.pack().orElseThrow();
        }
        return defaultPack;
    }

    /** One phase with one module holding a week per entry of {@code weekHours}, three tasks a week. */
    public static Pack withWeekHours(double... weekHours) {
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < weekHours.length; i++) {
            weeks.add(week(i + 1, "module-1", weekHours[i], 3));
        }
        Phase phase = new Phase("phase-1", 1, "Phase 1", "", List.of(
                new LearningModule("module-1", "phase-1", "Module 1", "", 1, weekHours.length)),
                milestone(1, weekHours.length));
        return new Pack(info(), List.of(phase), weeks);
    }

    /**
     * {@code phases} phases of {@code modulesPerPhase} modules of {@code weeksPerModule} weeks, each week
     * {@code hours} long with {@code tasksPerWeek} tasks, each phase closed by a milestone with two checks.
     */
    public static Pack grid(int phases, int modulesPerPhase, int weeksPerModule, int tasksPerWeek, double hours) {
        List<Phase> phaseList = new ArrayList<>();
        List<Week> weeks = new ArrayList<>();
        int weekNumber = 0;
        int moduleNumber = 0;
        for (int p = 1; p <= phases; p++) {
            List<LearningModule> modules = new ArrayList<>();
            for (int m = 0; m < modulesPerPhase; m++) {
                moduleNumber++;
                int first = weekNumber + 1;
                for (int w = 0; w < weeksPerModule; w++) {
                    weekNumber++;
                    weeks.add(week(weekNumber, "module-" + moduleNumber, hours, tasksPerWeek));
                }
                modules.add(new LearningModule("module-" + moduleNumber, "phase-" + p, "Module " + moduleNumber, "",
                        first, weekNumber));
            }
            phaseList.add(new Phase("phase-" + p, p, "Phase " + p, "", modules, milestone(p, weekNumber)));
        }
        return new Pack(info(), phaseList, weeks);
    }

    public static String taskId(int week, int task) {
        return "w" + week + "-t" + task;
    }

    public static String checkId(int phase, int check) {
        return "ms" + phase + "-c" + check;
    }

    private static PackInfo info() {
        return new PackInfo(PACK_ID, "Test pack", PACK_VERSION, List.of("Tests"), "CC0-1.0", "A pack for tests",
                ">=0.1.0");
    }

    /**
     * A later version of a pack: tasks renamed (each new task {@code replaces:} its old id) or removed, and the
     * assessments given, so upgrades can be tested without files.
     */
    public static Pack revised(Pack base, String version, Map<String, String> renamedTasks, Set<String> removedTasks,
                               List<Assessment> assessments, Map<String, String> otherReplacements) {
        List<Week> weeks = new ArrayList<>();
        for (Week w : base.weeks()) {
            List<Task> tasks = w.tasks().stream().filter(t -> !removedTasks.contains(t.id()))
                    .map(t -> new Task(renamedTasks.getOrDefault(t.id(), t.id()), t.weekId(), t.kind(), t.title(),
                            t.detail(), t.plannedHours(), t.lab()))
                    .toList();
            weeks.add(new Week(w.id(), w.number(), w.moduleId(), w.title(), w.hours(), w.goals(), tasks, w.resources(),
                    w.labs(), w.guide(), w.file()));
        }
        Map<String, String> replacements = new HashMap<>(otherReplacements);
        renamedTasks.forEach((from, to) -> replacements.put(from, to));
        PackInfo info = base.info();
        return new Pack(new PackInfo(info.id(), info.title(), version, info.authors(), info.license(), info.description(),
                info.requires()), base.phases(), weeks, assessments, replacements);
    }

    private static Week week(int number, String moduleId, double hours, int taskCount) {
        String id = "week-" + number;
        List<Task> tasks = new ArrayList<>();
        for (int t = 1; t <= taskCount; t++) {
            tasks.add(new Task(taskId(number, t), id, TaskKind.STUDY, "Task " + t + " of week " + number, "",
                    hours / taskCount, Optional.empty()));
        }
        return new Week(id, number, moduleId, "Week " + number, hours, List.of("a goal"), tasks, List.of(), List.of(),
                "# Week " + number, "weeks/" + number + ".md");
    }

    private static Milestone milestone(int phase, int week) {
        String id = "milestone-" + phase;
        List<ChecklistItem> checks = new ArrayList<>();
        for (int c = 1; c <= CHECKS_PER_MILESTONE; c++) {
            checks.add(new ChecklistItem(checkId(phase, c), id, "Check " + c));
        }
        return new Milestone(id, "phase-" + phase, "Milestone " + phase, "", week, checks);
    }
}
