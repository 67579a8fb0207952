package dev.aiworkbench.ui.today;

import dev.aiworkbench.progress.Activity;
import dev.aiworkbench.progress.Completion;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the Today screen shows, worked out from the pack and the latest snapshot: the pack's problems (if any) and,
 * when there is a pack to walk, the overview.
 */
record TodayPage(Optional<PackProblems> problems, Optional<Overview> overview) {

    /** The pack's problems as the banner and the list under it. */
    record PackProblems(boolean errors, String title, String description, String list, int count) {
    }

    /** @param pack the walked pack's title, since several can be installed */
    record Overview(String pack, String heading, String position, Optional<NextItem> next, Pace pace, Streak streak,
                    List<CompletionRow> completion, Activity activity, LocalDate today) {
    }

    /** The first unfinished item: its title and where it sits. */
    record NextItem(String id, String title, String context) {
    }

    record Pace(String perWeek, String window, String projected, String planned, boolean behind) {
    }

    record Streak(String current, String longest) {
    }

    /** One completion bar: overall or a phase. */
    record CompletionRow(String label, Completion completion, String id) {
    }
}
