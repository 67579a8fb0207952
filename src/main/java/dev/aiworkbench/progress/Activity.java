package dev.aiworkbench.progress;

import org.pcollections.TreePMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Days on which the learner did something (any recorded event), for streaks and the heatmap. It is
 * persistent: {@link #plus} shares the days it already holds, so one more event costs no copy.
 */
public final class Activity {
    private final TreePMap<LocalDate, Integer> eventsByDay;

    private Activity(TreePMap<LocalDate, Integer> eventsByDay) {
        this.eventsByDay = eventsByDay;
    }

    public static Activity of(List<ProgressEvent> events, ZoneId zone) {
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        events.forEach(e -> days.merge(e.at().atZone(zone).toLocalDate(), 1, Integer::sum));
        return new Activity(TreePMap.fromSortedMap(days));
    }

    /** This activity with one more event at the instant, counted on its day in the zone. */
    public Activity plus(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return new Activity(eventsByDay.plus(day, eventsOn(day) + 1));
    }

    public NavigableMap<LocalDate, Integer> eventsByDay() {
        return eventsByDay;
    }

    public int eventsOn(LocalDate day) {
        return eventsByDay.getOrDefault(day, 0);
    }

    /**
     * Consecutive active days ending today, or ending yesterday when today has nothing yet (the
     * day is not over, so the streak is not broken).
     */
    public int currentStreak(LocalDate today) {
        LocalDate day = eventsByDay.containsKey(today) ? today : today.minusDays(1);
        int streak = 0;
        while (eventsByDay.containsKey(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    public int longestStreak() {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : eventsByDay.keySet()) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        return longest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Activity activity && activity.eventsByDay.equals(eventsByDay);
    }

    @Override
    public int hashCode() {
        return eventsByDay.hashCode();
    }

    @Override
    public String toString() {
        return "Activity" + eventsByDay;
    }
}
