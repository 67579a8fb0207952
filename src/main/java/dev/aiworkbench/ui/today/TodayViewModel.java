package dev.aiworkbench.ui.today;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.progress.Activity;
import dev.aiworkbench.progress.PlanStatus;
import dev.aiworkbench.progress.PlanSummary;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.today.TodayPage.CompletionRow;
import dev.aiworkbench.ui.today.TodayPage.NextItem;
import dev.aiworkbench.ui.today.TodayPage.Overview;
import dev.aiworkbench.ui.today.TodayPage.PackProblems;
import dev.aiworkbench.ui.today.TodayPage.Pace;
import dev.aiworkbench.ui.today.TodayPage.Streak;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Where the learner stands today, worked out again whenever the progress changes, and the card's two actions. */
public final class TodayViewModel {
    private final ProgressModel progress;
    private final Consumer<String> openItem;
    /** The installed pack never changes while the app runs, so its problems are worked out once. */
    private final Optional<PackProblems> packProblems;
    private final ReadOnlyObjectWrapper<TodayPage> page = new ReadOnlyObjectWrapper<>();

    /** @param openItem opens a task or checklist item on the Curriculum screen */
    public TodayViewModel(ProgressModel progress, Consumer<String> openItem) {
        this.progress = progress;
        this.openItem = openItem;
        InstalledPack installed = progress.installedPack();
        this.packProblems = installed.result().problems().isEmpty() ? Optional.empty()
                : Optional.of(problems(installed));
        progress.snapshotProperty().addListener((obs, was, now) -> page.set(pageOf(now)));
        page.set(pageOf(progress.snapshot()));
    }

    ReadOnlyObjectProperty<TodayPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    TodayPage page() {
        return page.get();
    }

    void markDone(String itemId) {
        progress.mark(itemId, TaskState.DONE);
    }

    void open(String itemId) {
        openItem.accept(itemId);
    }

    private TodayPage pageOf(ProgressSnapshot snapshot) {
        Optional<Pack> pack = progress.pack();
        if (pack.isEmpty() || snapshot == null) {
            return new TodayPage(packProblems, Optional.empty());
        }
        return new TodayPage(packProblems, Optional.of(overview(pack.get(), snapshot)));
    }

    private Overview overview(Pack pack, ProgressSnapshot snapshot) {
        Clock clock = progress.clock();
        LocalDate today = LocalDate.now(clock);
        ProgressReport report = ProgressReport.of(pack, snapshot);
        PlanStatus status = PlanStatus.of(pack, snapshot, today, clock.getZone());
        Activity activity = snapshot.activity();
        String heading = status.workWeek().flatMap(pack::weekNumber)
                .map(w -> "Week " + w.number() + " of " + pack.weeks().size() + ": " + w.title())
                .orElse("You have finished " + pack.info().title());
        return new Overview(pack.info().title(), heading, capitalise(PlanSummary.position(status)), next(pack, report, snapshot),
                pace(status, snapshot), streak(activity, today), completion(pack, report), activity, today);
    }

    private static Optional<NextItem> next(Pack pack, ProgressReport report, ProgressSnapshot snapshot) {
        return report.whatsNext().map(item -> {
            String where = pack.weekNumber(item.weekNumber()).map(w -> "Week " + w.number() + " · " + w.title())
                    .orElse("");
            String context = (item.kind() == WorkItem.Kind.MILESTONE_CHECK ? "Milestone check · " : "") + where
                    + (snapshot.state(item.id()) == TaskState.IN_PROGRESS ? " · in progress" : "");
            return new NextItem(item.id(), item.title(), context);
        });
    }

    private static Pace pace(PlanStatus status, ProgressSnapshot snapshot) {
        return new Pace(String.format(Locale.ROOT, "%.1f h/week", status.paceHoursPerWeek()),
                "over the last " + status.paceWindowDays() + " days · "
                        + String.format(Locale.ROOT, "%.0f", snapshot.plan().hoursPerWeek()) + " h/week planned",
                status.projectedFinish().map(d -> "Projected finish " + d).orElse("No projection until you finish a task"),
                "Planned finish " + status.plannedFinish() + " · " + status.aheadOrBehind(),
                status.daysAhead() < 0);
    }

    private static Streak streak(Activity activity, LocalDate today) {
        return new Streak(days(activity.currentStreak(today)), "Longest: " + days(activity.longestStreak()));
    }

    private static List<CompletionRow> completion(Pack pack, ProgressReport report) {
        List<CompletionRow> rows = new ArrayList<>();
        rows.add(new CompletionRow("Overall", report.overall(), "completion-overall"));
        for (Phase phase : pack.phases()) {
            rows.add(new CompletionRow("Phase " + phase.number() + ": " + phase.title(), report.of(phase.id()),
                    "completion-" + phase.id()));
        }
        return rows;
    }

    private static PackProblems problems(InstalledPack installed) {
        long errors = installed.result().errorCount();
        return new PackProblems(errors > 0,
                errors > 0 ? "The curriculum pack has problems" : "The curriculum pack has warnings",
                installed.source() + ": " + errors + " error(s), " + installed.result().warningCount()
                        + " warning(s). What could be read is shown; run `workbench pack validate` for the same list.",
                installed.result().problems().stream().map(Problem::toString).collect(Collectors.joining("\n")),
                installed.result().problems().size());
    }

    private static String days(int count) {
        return count + (count == 1 ? " day" : " days");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
