package dev.aiworkbench.assessment;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * FSRS-6 against values worked out by hand from the published formulas with the default parameters
 * (F = 0.9^(−1/0.1542) − 1, so an interval at retention 0.9 is the stability rounded to whole days).
 */
class FsrsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private final Fsrs fsrs = Fsrs.standard();

    @Test
    void aFirstReviewStartsFromTheGradesInitialStabilityAndDifficulty() {
        MemoryState good = fsrs.first(Rating.GOOD, DAY);
        assertThat(good.stability()).isEqualTo(2.3065);
        assertThat(good.difficulty()).isCloseTo(2.118104, within(1e-6));
        assertThat(good.due()).isEqualTo(DAY.plusDays(2));

        MemoryState again = fsrs.first(Rating.AGAIN, DAY);
        assertThat(again.stability()).isEqualTo(0.212);
        assertThat(again.difficulty()).isCloseTo(6.4133, within(1e-9));
        assertThat(again.due()).as("never sooner than the next day").isEqualTo(DAY.plusDays(1));

        MemoryState easy = fsrs.first(Rating.EASY, DAY);
        assertThat(easy.difficulty()).as("clamped at the easy end").isEqualTo(1.0);
        assertThat(easy.due()).isEqualTo(DAY.plusDays(8));
    }

    @Test
    void aRecalledItemGrowsItsStabilityByHowMuchItHadFaded() {
        MemoryState first = fsrs.first(Rating.GOOD, DAY);

        assertThat(fsrs.retrievability(first, DAY.plusDays(2))).isCloseTo(0.909493, within(1e-6));
        MemoryState good = fsrs.review(first, Rating.GOOD, DAY.plusDays(2));
        assertThat(good.stability()).isCloseTo(10.964332, within(1e-5));
        assertThat(good.difficulty()).isCloseTo(2.111214, within(1e-6));
        assertThat(good.due()).isEqualTo(DAY.plusDays(2 + 11));

        MemoryState hard = fsrs.review(first, Rating.HARD, DAY.plusDays(2));
        assertThat(hard.stability()).as("the hard penalty").isCloseTo(7.513320, within(1e-5));
        assertThat(hard.difficulty()).isCloseTo(4.752858, within(1e-6));
    }

    @Test
    void aLapseDropsStabilityAndRaisesDifficulty() {
        MemoryState learned = fsrs.review(fsrs.first(Rating.GOOD, DAY), Rating.GOOD, DAY.plusDays(2));

        MemoryState lapsed = fsrs.review(learned, Rating.AGAIN, DAY.plusDays(12));

        assertThat(lapsed.stability()).isCloseTo(1.522138, within(1e-5));
        assertThat(lapsed.difficulty()).isCloseTo(7.392238, within(1e-6));
        assertThat(lapsed.due()).isEqualTo(DAY.plusDays(12 + 2));
    }

    @Test
    void aSecondReviewOnTheSameDayUsesShortTermStabilityThatASureAnswerNeverLowers() {
        MemoryState first = fsrs.first(Rating.GOOD, DAY);

        MemoryState again = fsrs.review(first, Rating.GOOD, DAY);

        assertThat(again.stability()).isEqualTo(first.stability());
        assertThat(again.difficulty()).isCloseTo(2.111214, within(1e-6));
    }

    @Test
    void retrievabilityIsNinetyPercentAfterAStabilitysWorthOfDays() {
        MemoryState state = new MemoryState(10, 5, DAY, DAY.plusDays(10));

        assertThat(fsrs.retrievability(state, DAY)).isEqualTo(1.0);
        assertThat(fsrs.retrievability(state, DAY.plusDays(10))).isCloseTo(0.9, within(1e-12));
        assertThat(fsrs.intervalDays(10)).isEqualTo(10);
        assertThat(new Fsrs(Fsrs.DEFAULT_PARAMETERS, 0.85).intervalDays(10)).as("lower retention, longer wait")
                .isEqualTo(19);
    }

    @Test
    void parametersAndRetentionAreChecked() {
        assertThatThrownBy(() -> new Fsrs(Collections.nCopies(19, 1.0), 0.9)).hasMessageContaining("21 parameters");
        assertThatThrownBy(() -> new Fsrs(Fsrs.DEFAULT_PARAMETERS, 1.0)).hasMessageContaining("between 0 and 1");
    }
}
