package dev.aiworkbench.eval.stats;

import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * When an interval is too wide, or rests on too few independent units, to mean much. The rule: fewer than
 * {@value #MIN_UNITS} independent units (items, or clusters when items share clusters), or a 95% interval wider than
 * 0.20 (20 points of pass rate, or 0.20 of a 0–1 score). Below about 30 units the normal and bootstrap approximations
 * behind most intervals break down, and Bowyer, Aitchison &amp; Ivanova (ICML 2025, reference §5.1) show CLT-style
 * intervals far too narrow below a few hundred items; an interval 20 points wide cannot tell 70% from 90%.
 */
public final class SmallSample {
    public static final int MIN_UNITS = 30;
    public static final double MAX_WIDTH = 0.20;

    private SmallSample() {
    }

    public static Optional<String> check(PassRate rate) {
        return check("pass rate", rate.clusters() > 0 ? rate.clusters() : rate.items(),
                rate.clusters() > 0 ? "clusters" : "items", rate.ci95(), Fmt::pct, Fmt.points(rate.ci95().width()) + " points");
    }

    public static Optional<String> check(MeanScore score) {
        return check("mean score", score.clusters() > 0 ? score.clusters() : score.items(),
                score.clusters() > 0 ? "clusters" : "items", score.ci95(), Fmt::score, Fmt.score(score.ci95().width()));
    }

    static boolean isSmall(int units, Interval ci) {
        return units < MIN_UNITS || ci.width() > MAX_WIDTH;
    }

    private static Optional<String> check(String what, int units, String unitName, Interval ci,
                                          DoubleFunction<String> format, String width) {
        if (!isSmall(units, ci)) {
            return Optional.empty();
        }
        return Optional.of("Small sample: the " + what + " rests on " + units + " " + unitName
                + " and its 95% interval is " + width + " wide (" + format.apply(ci.low()) + " to "
                + format.apply(ci.high()) + "); read it as rough and do not take differences smaller than that as real."
                + " An interval means little below " + MIN_UNITS + " independent " + unitName + " or when wider than"
                + " 20 points.");
    }
}
