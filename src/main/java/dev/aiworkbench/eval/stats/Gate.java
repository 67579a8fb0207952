package dev.aiworkbench.eval.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The regression gate: a {@link GateSpec} applied to a {@link PairedComparison}.
 * The limit is maxDrop in points, or (with {@link DropScale#RELATIVE}) that share of the baseline's pass rate, turned
 * into points by {@link GateSpec#dropLimit}; "the limit" below is that number.
 * <ul>
 *   <li>significant-drop (default): BLOCK when the drop, baseline − candidate pass rate, is more than the limit AND the
 *       comparison's p (McNemar's exact p, or the cluster-adjusted p with clusters) is below alpha; else PASS.
 *       With no discordant item nothing changed: PASS.</li>
 *   <li>non-inferiority: PASS only when the lower bound of the (1 − alpha) Newcombe interval for the change is above
 *       −limit; else BLOCK. With no discordant item the interval still has width (it reflects n), so a small suite
 *       that changed nothing can still fail to show non-inferiority.</li>
 *   <li>No baseline ({@link #withoutBaseline}): PASS with a warning, since there is nothing to compare; the run can
 *       become the next baseline.</li>
 * </ul>
 * Every decision names the smallest drop the suite can detect, and warns when that is larger than the limit
 * (reference §8.3: the tool must say a 2-point gate is underpowered rather than pass silently).
 */
public final class Gate {
    private static final double TOLERANCE = 1e-12;

    private Gate() {
    }

    public static GateDecision decide(GateSpec spec, PairedComparison comparison) {
        MinimumDetectableDrop mde = comparison.mde().atAlpha(spec.alpha());
        List<String> warnings = warnings(spec, comparison, mde, spec.dropLimit(comparison.baselinePassRate()));
        return switch (spec.mode()) {
            case SIGNIFICANT_DROP -> significantDrop(spec, comparison, mde, warnings);
            case NON_INFERIORITY -> nonInferiority(spec, comparison, mde, warnings);
        };
    }

    /** @param why why there is no baseline, e.g. "no earlier run of this suite passed its gate" */
    public static GateDecision withoutBaseline(GateSpec spec, String why) {
        String cause = why == null || why.isBlank() ? "baseline '" + spec.baseline() + "' was not found" : why;
        return new GateDecision(GateDecision.Decision.PASS, spec.mode(),
                "no baseline to compare with (" + cause + "): there is nothing to gate against, so the gate passes;"
                        + " this run can serve as the baseline of later runs",
                List.of("The gate compared nothing: no baseline run was available for '" + spec.baseline() + "'."));
    }

    private static GateDecision significantDrop(GateSpec spec, PairedComparison cmp, MinimumDetectableDrop mde,
                                                List<String> warnings) {
        McNemarTest test = cmp.mcnemar();
        double drop = -cmp.delta();
        double limit = spec.dropLimit(cmp.baselinePassRate());
        String limitWords = spec.limitWords(cmp.baselinePassRate());
        String change = Fmt.pct(cmp.baselinePassRate()) + " → " + Fmt.pct(cmp.candidatePassRate());
        String counts = "b=" + test.b() + ", c=" + test.c();
        if (test.discordant() == 0) {
            return pass(spec, counts + ": " + (cmp.passFractions() ? "no item's pass fraction changed" : "no item changed its verdict")
                    + ", so the pass rate is unchanged at " + Fmt.pct(cmp.candidatePassRate())
                    + " and there is no drop to block; " + detectable(mde), warnings);
        }
        if (!(drop > limit + TOLERANCE)) {
            String moved = drop > TOLERANCE
                    ? "the pass rate fell " + Fmt.points(drop) + " points (" + change + "; " + counts
                    + "), not more than " + limitWords
                    : "the pass rate " + (drop < -TOLERANCE ? "rose " + Fmt.points(-drop) + " points" : "did not change")
                    + " (" + change + "; " + counts + "): no drop to block";
            return pass(spec, moved, warnings);
        }
        String p = counts + ", " + Fmt.p(cmp.gatePLabel(), cmp.gateP());
        if (!(cmp.gateP() < spec.alpha())) {
            return pass(spec, p + ": not significant at alpha " + Fmt.plain(spec.alpha()) + ", so the "
                    + Fmt.points(drop) + "-point drop (" + change + ") may be noise; " + detectable(mde), warnings);
        }
        return new GateDecision(GateDecision.Decision.BLOCK, spec.mode(), "the pass rate fell " + Fmt.points(drop)
                + " points (" + change + "), more than " + limitWords + ", and " + p
                + " is below alpha " + Fmt.plain(spec.alpha()) + ": a significant drop", warnings);
    }

    private static GateDecision nonInferiority(GateSpec spec, PairedComparison cmp, MinimumDetectableDrop mde,
                                               List<String> warnings) {
        Interval ci = cmp.rates().interval(1 - spec.alpha());
        String level = Fmt.plain(100 * (1 - spec.alpha())) + "%";
        double limit = spec.dropLimit(cmp.baselinePassRate());
        String margin = "-" + Fmt.points(limit);
        String figures = "the " + level + " interval for the change in pass rate, " + Fmt.signedPoints(ci.low())
                + " to " + Fmt.signedPoints(ci.high()) + " points (" + cmp.deltaMethod() + "; "
                + Fmt.pct(cmp.baselinePassRate()) + " → " + Fmt.pct(cmp.candidatePassRate()) + ", b="
                + cmp.mcnemar().b() + ", c=" + cmp.mcnemar().c() + ")";
        if (ci.low() > -limit + TOLERANCE) {
            return pass(spec, figures + ", lies above " + margin + " points: the candidate is shown to be at most "
                    + Fmt.points(limit) + " points worse than the baseline" + spec.relativeNote(cmp.baselinePassRate()), warnings);
        }
        String reason = figures + ", reaches down to " + margin + " points or below: it is not shown that the"
                + " candidate is at most " + Fmt.points(limit) + " points worse than the baseline" + spec.relativeNote(cmp.baselinePassRate());
        if (mde.drop() > limit) {
            reason += "; " + detectable(mde) + ", so it is too small to show non-inferiority at this margin";
        }
        return new GateDecision(GateDecision.Decision.BLOCK, spec.mode(), reason, warnings);
    }

    private static GateDecision pass(GateSpec spec, String reason, List<String> warnings) {
        return new GateDecision(GateDecision.Decision.PASS, spec.mode(), reason, warnings);
    }

    private static String detectable(MinimumDetectableDrop mde) {
        return mde.anyDropDetectable()
                ? "the smallest drop this suite can detect is " + Fmt.points(mde.drop()) + " points"
                : "this suite is too small to detect any drop";
    }

    private static List<String> warnings(GateSpec spec, PairedComparison cmp, MinimumDetectableDrop mde, double limit) {
        List<String> warnings = new ArrayList<>();
        int units = cmp.clusters() > 0 ? cmp.clusters() : cmp.items();
        if (units < SmallSample.MIN_UNITS) {
            warnings.add("Small sample: the comparison rests on " + units + (cmp.clusters() > 0 ? " clusters" : " items")
                    + "; below " + SmallSample.MIN_UNITS + " its interval and p-value mean little.");
        }
        if (mde.drop() > limit) {
            String needed = limit > 0
                    ? "; about " + Fmt.integerGrouped(mde.itemsNeeded(limit)) + " items would be needed at this discordance"
                    : "";
            warnings.add("Underpowered: " + detectable(mde) + " (" + Math.round(mde.power() * 100) + "% power, alpha "
                    + Fmt.plain(mde.alpha()) + "), so a drop of " + Fmt.points(limit)
                    + " points would usually go unnoticed" + needed + ".");
        }
        if (cmp.onlyInBaseline() + cmp.onlyInCandidate() > 0) {
            warnings.add(cmp.leftOut());
        }
        return warnings;
    }
}
