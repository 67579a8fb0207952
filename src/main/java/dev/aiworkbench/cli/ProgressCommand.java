package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.curriculum.LearningModule;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.progress.Activity;
import dev.aiworkbench.progress.Completion;
import dev.aiworkbench.progress.ImportRefusedException;
import dev.aiworkbench.progress.PlanStatus;
import dev.aiworkbench.progress.PlanSummary;
import dev.aiworkbench.progress.ProgressArchive;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.Schedule;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.BackupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "progress", description = "Show, change, export and import your progress.",
        subcommands = {ProgressCommand.Show.class, ProgressCommand.Mark.class, ProgressCommand.Export.class,
                ProgressCommand.Import.class, ProgressArchivedCommand.class})
final class ProgressCommand {

    @Command(name = "show", description = "Where you are: plan, pace, streak, completion by phase and module, what's next.")
    static final class Show extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "Print everything, down to each task's state, as JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                ProgressSnapshot snapshot = workbench.progress().snapshot(pack);
                LocalDate today = LocalDate.now(workbench.clock());
                ProgressReport report = ProgressReport.of(pack, snapshot);
                PlanStatus status = PlanStatus.of(pack, snapshot, today, workbench.zone());
                Activity activity = snapshot.activity();
                if (json) {
                    out().println(Json.write(ProgressJson.of(pack, snapshot, report, status, activity, today,
                            workbench.clock().instant())));
                } else {
                    printText(pack, report, status, activity, today);
                }
                return Cli.OK;
            }
        }

        private void printText(Pack pack, ProgressReport report, PlanStatus status, Activity activity, LocalDate today) {
            Completion overall = report.overall();
            out().printf(Locale.ROOT, "%s (%s %s)%n", pack.info().title(), pack.id(), pack.info().version());
            out().printf(Locale.ROOT, "Plan:     %s%n", PlanSummary.plan(status, pack.weeks().size()));
            out().printf(Locale.ROOT, "Now:      %s%n", PlanSummary.position(status));
            out().printf(Locale.ROOT, "Pace:     %s%n", PlanSummary.pace(status));
            out().printf(Locale.ROOT, "Streak:   %d day(s), longest %d%n", activity.currentStreak(today), activity.longestStreak());
            out().printf(Locale.ROOT, "Overall:  %d%% (%d done, %d skipped, %d in progress, of %d)%n", overall.percent(),
                    overall.done(), overall.skipped(), overall.inProgress(), overall.total());
            out().println();
            for (Phase phase : pack.phases()) {
                out().printf(Locale.ROOT, "Phase %d  %-52s %3d%%%n", phase.number(), phase.title(), report.of(phase.id()).percent());
                for (LearningModule module : phase.modules()) {
                    out().printf(Locale.ROOT, "  weeks %2d-%-2d  %-46s %3d%%%n", module.firstWeek(), module.lastWeek(), module.title(),
                            report.of(module.id()).percent());
                }
                if (phase.milestone() != null) {
                    out().printf(Locale.ROOT, "  milestone     %-46s %3d%%%n", phase.milestone().title(),
                            report.of(phase.milestone().id()).percent());
                }
            }
            out().println();
            out().println(report.whatsNext().map(i -> "Next:     " + i.id() + "  " + i.title() + " (week "
                    + i.weekNumber() + ")").orElse("Next:     nothing; every item is finished. Well done."));
        }
    }

    @Command(name = "mark", description = "Set the state of a task or checklist item, or of every item in a week, "
            + "module, milestone or phase.")
    static final class Mark extends Verb implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<item-id>", description = "A task, checklist item, week, module, milestone or phase id.")
        String itemId;

        @Parameters(index = "1", paramLabel = "<state>", description = "todo, in-progress, done or skipped.")
        String state;

        @Override
        public Integer call() {
            TaskState target = TaskState.fromId(state).orElseThrow(() -> new CommandFailure("'" + state
                    + "' is not a state; use todo, in-progress, done or skipped", Cli.USAGE));
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                int changed = workbench.progress().mark(pack, itemId, target);
                int total = pack.workItemIdsUnder(itemId).size();
                out().println(total == 1
                        ? (changed == 1 ? "Marked " + itemId + " " + target.id() + "." : itemId + " was already " + target.id() + ".")
                        : "Marked " + changed + " of the " + total + " items in " + itemId + " " + target.id()
                        + (changed < total ? " (the others already were)." : "."));
                return Cli.OK;
            }
        }
    }

    @Command(name = "export", description = "Write all your progress in the pack (states, history, notes, time, plan) to a JSON file.")
    static final class Export extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<file.json>")
        Path file;

        @Override
        public Integer call() throws IOException {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                workbench.transfer().exportTo(pack, file);
                ProgressArchive archive = workbench.transfer().export(pack);
                out().println("Exported " + archive.items().size() + " item states, " + archive.events().size()
                        + " events, " + archive.notes().size() + " notes and " + archive.time().size()
                        + " time entries to " + file + ".");
                return Cli.OK;
            }
        }
    }

    @Command(name = "import", description = "Restore progress from an export. The file is checked completely first; "
            + "nothing is written unless all of it fits the installed pack.")
    static final class Import extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<file.json>")
        Path file;

        @Option(names = "--replace", description = "Replace progress already recorded for this pack.")
        boolean replace;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                ProgressArchive archive = workbench.transfer().importFrom(pack, file, replace);
                out().println("Imported " + archive.items().size() + " item states, " + archive.events().size()
                        + " events, " + archive.notes().size() + " notes and " + archive.time().size()
                        + " time entries into " + pack.id() + ".");
                return Cli.OK;
            } catch (ImportRefusedException e) {
                throw new CommandFailure(e.getMessage(), Cli.FAILED);
            } catch (BackupException e) {
                throw new CommandFailure(e.getMessage() + " Nothing was imported.", Cli.FAILED);
            }
        }
    }

    /** The JSON shape of {@code progress show --json}. */
    record ProgressJson(Map<String, Object> pack, Map<String, Object> plan, Map<String, Object> status,
                        Map<String, Object> streak, CompletionJson overall, List<PhaseJson> phases,
                        List<WeekJson> weeks, Map<String, Object> next) {

        static ProgressJson of(Pack pack, ProgressSnapshot snapshot, ProgressReport report, PlanStatus status,
                               Activity activity, LocalDate today, java.time.Instant now) {
            Schedule schedule = Schedule.of(pack, snapshot.plan());
            Map<String, Long> minutes = snapshot.minutesByItem(now);
            Map<String, Object> packJson = Json.object("id", pack.id(), "title", pack.info().title(), "version",
                    pack.info().version());
            Map<String, Object> plan = Json.object("startDate", snapshot.plan().startDate().toString(), "hoursPerWeek",
                    snapshot.plan().hoursPerWeek(), "plannedFinish", schedule.plannedFinish().toString());
            Map<String, Object> statusJson = Json.object("today", today.toString(),
                    "calendarWeek", status.calendarWeek().orElse(null), "workWeek", status.workWeek().orElse(null),
                    "daysAhead", status.daysAhead(), "paceHoursPerWeek", round(status.paceHoursPerWeek()),
                    "paceWindowDays", status.paceWindowDays(),
                    "projectedFinish", status.projectedFinish().map(LocalDate::toString).orElse(null));
            Map<String, Object> streak = Json.object("current", activity.currentStreak(today), "longest", activity.longestStreak());
            List<PhaseJson> phases = pack.phases().stream().map(p -> new PhaseJson(p.id(), p.number(), p.title(),
                    CompletionJson.of(report.of(p.id())),
                    p.modules().stream().map(m -> new ModuleJson(m.id(), m.title(), m.firstWeek(), m.lastWeek(),
                            CompletionJson.of(report.of(m.id())))).toList(),
                    p.milestone() == null ? null : new MilestoneJson(p.milestone().id(), p.milestone().title(),
                            p.milestone().week(), CompletionJson.of(report.of(p.milestone().id())),
                            p.milestone().checklist().stream().map(c -> new ItemJson(c.id(), c.text(),
                                    snapshot.state(c.id()).id(), minutes.getOrDefault(c.id(), 0L))).toList()))).toList();
            List<WeekJson> weeks = pack.weeks().stream().map(w -> WeekJson.of(w, schedule, report, snapshot, minutes)).toList();
            Map<String, Object> next = report.whatsNext().map(ProgressJson::next).orElse(null);
            return new ProgressJson(packJson, plan, statusJson, streak, CompletionJson.of(report.overall()), phases,
                    weeks, next);
        }

        private static Map<String, Object> next(WorkItem item) {
            return Json.object("id", item.id(), "title", item.title(), "week", item.weekNumber());
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    record CompletionJson(int done, int skipped, int inProgress, int total, int percent) {
        static CompletionJson of(Completion c) {
            return new CompletionJson(c.done(), c.skipped(), c.inProgress(), c.total(), c.percent());
        }
    }

    record PhaseJson(String id, int number, String title, CompletionJson completion, List<ModuleJson> modules,
                     MilestoneJson milestone) {
    }

    record ModuleJson(String id, String title, int firstWeek, int lastWeek, CompletionJson completion) {
    }

    record MilestoneJson(String id, String title, int week, CompletionJson completion, List<ItemJson> checklist) {
    }

    record ItemJson(String id, String title, String state, long minutes) {
    }

    record WeekJson(String id, int number, String title, String module, double hours, String start, String end,
                    CompletionJson completion, boolean hasNote, List<ItemJson> tasks) {
        static WeekJson of(Week week, Schedule schedule, ProgressReport report, ProgressSnapshot snapshot,
                           Map<String, Long> minutes) {
            var dates = schedule.week(week.number());
            return new WeekJson(week.id(), week.number(), week.title(), week.moduleId(), week.hours(),
                    dates.map(d -> d.start().toString()).orElse(null), dates.map(d -> d.end().toString()).orElse(null),
                    CompletionJson.of(report.of(week.id())), snapshot.note(week.id()).isPresent(),
                    week.tasks().stream().map((Task t) -> new ItemJson(t.id(), t.title(), snapshot.state(t.id()).id(),
                            minutes.getOrDefault(t.id(), 0L))).toList());
        }
    }
}
