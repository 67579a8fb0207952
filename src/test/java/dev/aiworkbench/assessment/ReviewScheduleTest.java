package dev.aiworkbench.assessment;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReviewScheduleTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final Fsrs fsrs = Fsrs.standard();
    private final ReviewSchedule schedule = new ReviewSchedule(fsrs, ZONE);

    private static Retrieval at(String item, boolean correct, int confidence, String localDateTime) {
        return new Retrieval(item, correct, confidence, java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }

    @Test
    void onlyMissedAndGuessedItemsJoinReview() {
        Map<String, ReviewCard> cards = schedule.cards(List.of(at("sure", true, 3, "2026-03-02T10:00"),
                at("fairly", true, 2, "2026-03-02T10:01"), at("missed", false, 3, "2026-03-02T10:02"),
                at("guessed", true, 1, "2026-03-02T10:03")));

        assertThat(cards.keySet()).containsExactly("missed", "guessed");
        // A miss starts at w0 = 0.212 days of stability: due the next day. A guess (Hard) at w1 = 1.2931: one day too.
        assertThat(cards.get("missed").memory().stability()).isCloseTo(0.212, within(1e-12));
        assertThat(cards.get("missed").memory().due()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(cards.get("missed").lapses()).isEqualTo(1);
        assertThat(cards.get("guessed").memory().stability()).isCloseTo(1.2931, within(1e-12));
        assertThat(cards.get("guessed").lapses()).isZero();
    }

    @Test
    void everyLaterRetrievalMovesTheCardAsFsrsSays() {
        Retrieval miss = at("item", false, 2, "2026-03-02T10:00");
        Retrieval nextDay = at("item", true, 3, "2026-03-03T09:00");
        Retrieval week = at("item", false, 1, "2026-03-10T09:00");

        ReviewCard card = schedule.cards(List.of(week, miss, nextDay)).get("item");

        MemoryState expected = fsrs.review(fsrs.review(fsrs.first(Rating.AGAIN, LocalDate.of(2026, 3, 2)), Rating.EASY,
                LocalDate.of(2026, 3, 3)), Rating.AGAIN, LocalDate.of(2026, 3, 10));
        assertThat(card.memory()).isEqualTo(expected);
        assertThat(card.reviews()).isEqualTo(3);
        assertThat(card.lapses()).isEqualTo(2);
    }

    @Test
    void theDayOfAnAnswerIsTheLearnersLocalDay() {
        // 23:30 UTC on 2 March is already 3 March in Berlin.
        Retrieval late = new Retrieval("item", false, 3, Instant.parse("2026-03-02T23:30:00Z"));

        assertThat(schedule.cards(List.of(late)).get("item").memory().reviewed()).isEqualTo(LocalDate.of(2026, 3, 3));
    }
}
