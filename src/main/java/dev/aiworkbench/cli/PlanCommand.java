package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.Schedule;
import dev.aiworkbench.progress.WeekDates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "plan", description = "Your dated plan: start date and weekly hours.",
        subcommands = {PlanCommand.Show.class, PlanCommand.Set.class})
final class PlanCommand {

    @Command(name = "show", description = "Every week with its dates and completion.")
    static final class Show extends Verb implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                ProgressSnapshot snapshot = workbench.progress().snapshot(pack);
                Schedule schedule = Schedule.of(pack, snapshot.plan());
                ProgressReport report = ProgressReport.of(pack, snapshot);
                LocalDate today = LocalDate.now(workbench.clock());
                out().printf(Locale.ROOT, "Start %s, %.1f h/week, planned finish %s%n%n", snapshot.plan().startDate(),
                        snapshot.plan().hoursPerWeek(), schedule.plannedFinish());
                for (Week week : pack.weeks()) {
                    WeekDates dates = schedule.week(week.number()).orElseThrow();
                    out().printf(Locale.ROOT, "%s week %2d  %s to %s  %4.1f h  %3d%%  %s%n", dates.contains(today) ? ">" : " ",
                            week.number(), dates.start(), dates.end(), week.hours(), report.of(week.id()).percent(),
                            week.title());
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "set", description = "Change the start date and/or hours per week.")
    static final class Set extends Verb implements Callable<Integer> {
        @Option(names = "--start", paramLabel = "<yyyy-mm-dd>", description = "The day you started (or will start).")
        String start;

        @Option(names = "--hours", paramLabel = "<hours>", description = "Hours you study per week (default 12).")
        Double hours;

        @Override
        public Integer call() {
            if (start == null && hours == null) {
                throw new CommandFailure("Give --start, --hours or both.", Cli.USAGE);
            }
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                PlanSettings current = workbench.progress().plan(pack);
                PlanSettings updated;
                try {
                    updated = new PlanSettings(start == null ? current.startDate() : LocalDate.parse(start),
                            hours == null ? current.hoursPerWeek() : hours);
                } catch (DateTimeParseException e) {
                    throw new CommandFailure("'" + start + "' is not a date; write it as yyyy-mm-dd", Cli.USAGE);
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(e.getMessage(), Cli.USAGE);
                }
                workbench.progress().setPlan(pack, updated);
                out().printf(Locale.ROOT, "Plan: start %s, %.1f h/week, planned finish %s.%n", updated.startDate(),
                        updated.hoursPerWeek(), Schedule.of(pack, updated).plannedFinish());
                return Cli.OK;
            }
        }
    }
}
