package dev.aiworkbench.assessment;

import java.time.LocalDate;

/**
 * What FSRS knows of one item: how long it is remembered and how hard it is.
 *
 * @param stability  days for the chance of recall to fall from 100% to 90%
 * @param difficulty 1 (easy) to 10 (hard)
 * @param reviewed   the day of the last review
 * @param due        the day the item should come back
 */
public record MemoryState(double stability, double difficulty, LocalDate reviewed, LocalDate due) {
}
