package dev.aiworkbench.progress;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Active days, streaks and the heatmap's counts, from the event history. */
class ActivityTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 5, 20);
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** One event at noon UTC on each day, given as days before today (0 is today). */
    private static Activity activeDaysAgo(int... daysAgo) {
        List<ProgressEvent> events = Arrays.stream(daysAgo).mapToObj(d -> event(TODAY.minusDays(d).atTime(LocalTime.NOON)
                .toInstant(ZoneOffset.UTC))).toList();
        return Activity.of(events, UTC);
    }

    private static ProgressEvent event(Instant at) {
        return new ProgressEvent("w1-t1", ProgressEvent.Kind.STATE, TaskState.TODO, TaskState.DONE, null, at);
    }

    @Test
    void noActivityIsNoStreak() {
        Activity activity = activeDaysAgo();

        assertThat(activity.currentStreak(TODAY)).isZero();
        assertThat(activity.longestStreak()).isZero();
        assertThat(activity.eventsByDay()).isEmpty();
    }

    @Test
    void theCurrentStreakCountsBackFromToday() {
        assertThat(activeDaysAgo(0, 1, 2).currentStreak(TODAY)).isEqualTo(3);
        assertThat(activeDaysAgo(0).currentStreak(TODAY)).isEqualTo(1);
    }

    @Test
    void aDayWithNothingYetDoesNotBreakTheStreakUntilItIsOver() {
        assertThat(activeDaysAgo(1, 2).currentStreak(TODAY)).isEqualTo(2);
        assertThat(activeDaysAgo(2, 3, 4).currentStreak(TODAY)).isZero();
    }

    @Test
    void aGapEndsAStreakAndTheLongestIsRemembered() {
        Activity activity = activeDaysAgo(0, 1, 3, 4, 5, 6, 9);

        assertThat(activity.currentStreak(TODAY)).isEqualTo(2);
        assertThat(activity.longestStreak()).isEqualTo(4);
        assertThat(activeDaysAgo(10, 11, 12, 13, 14, 0).longestStreak()).isEqualTo(5);
        assertThat(activeDaysAgo(10, 11, 12, 13, 14, 0).currentStreak(TODAY)).isEqualTo(1);
    }

    @Test
    void eventsAreCountedPerDay() {
        Activity activity = activeDaysAgo(0, 0, 0, 2);

        assertThat(activity.eventsOn(TODAY)).isEqualTo(3);
        assertThat(activity.eventsOn(TODAY.minusDays(1))).isZero();
        assertThat(activity.eventsOn(TODAY.minusDays(2))).isEqualTo(1);
        assertThat(activity.eventsByDay()).hasSize(2);
    }

    @Test
    void daysAreTheLearnersLocalDays() {
        // 22:30 UTC on the 19th is already the 20th in Berlin (UTC+2 in May).
        List<ProgressEvent> events = List.of(event(Instant.parse("2025-05-18T12:00:00Z")),
                event(Instant.parse("2025-05-19T22:30:00Z")));

        Activity berlin = Activity.of(events, ZoneId.of("Europe/Berlin"));
        Activity utc = Activity.of(events, UTC);

        assertThat(berlin.eventsOn(TODAY)).isEqualTo(1);
        assertThat(berlin.currentStreak(TODAY)).isEqualTo(1);
        assertThat(utc.eventsOn(TODAY.minusDays(1))).isEqualTo(1);
        assertThat(utc.currentStreak(TODAY)).isEqualTo(2);
    }
}
