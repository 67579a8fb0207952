package dev.aiworkbench.assessment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The FSRS-6 memory model, written from its published formulas (no FSRS library is served here), with the
 * reference implementation's default parameters. Reviews are counted in whole days, as quiz items come back at
 * most once a day; there are no learning steps and no random fuzz, so the same answers always give the same
 * schedule.
 */
public final class Fsrs {
    /** FSRS-6's default parameters w0..w20. */
    public static final List<Double> DEFAULT_PARAMETERS = List.of(0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334,
            3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912,
            0.0658, 0.1542);
    private static final double MIN_STABILITY = 0.001;
    private static final int MAX_INTERVAL_DAYS = 36_500;

    private final double[] w;
    private final double desiredRetention;
    private final double decay;
    private final double factor;

    /** @param desiredRetention the chance of recall an item is scheduled at, e.g. 0.9 */
    public Fsrs(List<Double> parameters, double desiredRetention) {
        if (parameters.size() != 21) {
            throw new IllegalArgumentException("FSRS-6 takes 21 parameters, not " + parameters.size());
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("the desired retention is between 0 and 1, not " + desiredRetention);
        }
        this.w = parameters.stream().mapToDouble(Double::doubleValue).toArray();
        this.desiredRetention = desiredRetention;
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    /** The defaults the issue asks for: FSRS-6's parameters and a desired retention of 0.9. */
    public static Fsrs standard() {
        return new Fsrs(DEFAULT_PARAMETERS, 0.9);
    }

    /** The state after an item's first review. */
    public MemoryState first(Rating rating, LocalDate day) {
        double stability = Math.max(w[rating.grade() - 1], MIN_STABILITY);
        double difficulty = clampDifficulty(initialDifficulty(rating));
        return new MemoryState(stability, difficulty, day, day.plusDays(intervalDays(stability)));
    }

    /** The state after another review on {@code day}. */
    public MemoryState review(MemoryState state, Rating rating, LocalDate day) {
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(state.reviewed(), day));
        double stability = elapsed < 1
                ? shortTermStability(state.stability(), rating)
                : nextStability(state, rating, retrievability(state, day));
        stability = Math.max(stability, MIN_STABILITY);
        double difficulty = nextDifficulty(state.difficulty(), rating);
        return new MemoryState(stability, difficulty, day, day.plusDays(intervalDays(stability)));
    }

    /** The chance the item is recalled on {@code day}: 0.9 when a stability's worth of days has passed. */
    public double retrievability(MemoryState state, LocalDate day) {
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(state.reviewed(), day));
        return Math.pow(1 + factor * elapsed / state.stability(), decay);
    }

    /** Whole days until recall falls to the desired retention; at least 1. */
    public int intervalDays(double stability) {
        double days = stability / factor * (Math.pow(desiredRetention, 1 / decay) - 1);
        return (int) Math.min(Math.max(Math.round(days), 1), MAX_INTERVAL_DAYS);
    }

    private double initialDifficulty(Rating rating) {
        return w[4] - Math.exp(w[5] * (rating.grade() - 1)) + 1;
    }

    /** Harder after a miss, easier after a sure answer, with less change near 10 and a pull back to the mean. */
    private double nextDifficulty(double difficulty, Rating rating) {
        double delta = -w[6] * (rating.grade() - 3);
        double damped = difficulty + (10 - difficulty) * delta / 9;
        return clampDifficulty(w[7] * initialDifficulty(Rating.EASY) + (1 - w[7]) * damped);
    }

    private double nextStability(MemoryState state, Rating rating, double retrievability) {
        double s = state.stability();
        double d = state.difficulty();
        if (rating == Rating.AGAIN) {
            double longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1)
                    * Math.exp((1 - retrievability) * w[14]);
            double shortTerm = s / Math.exp(w[17] * w[18]);
            return Math.min(longTerm, shortTerm);
        }
        double hardPenalty = rating == Rating.HARD ? w[15] : 1;
        double easyBonus = rating == Rating.EASY ? w[16] : 1;
        return s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9])
                * (Math.exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus);
    }

    /** A second review on the same day. */
    private double shortTermStability(double stability, Rating rating) {
        double increase = Math.exp(w[17] * (rating.grade() - 3 + w[18])) * Math.pow(stability, -w[19]);
        if (rating == Rating.GOOD || rating == Rating.EASY) {
            increase = Math.max(increase, 1.0);
        }
        return stability * increase;
    }

    private static double clampDifficulty(double difficulty) {
        return Math.min(Math.max(difficulty, 1.0), 10.0);
    }
}
