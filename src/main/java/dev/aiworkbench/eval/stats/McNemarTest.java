package dev.aiworkbench.eval.stats;

/**
 * McNemar's exact test on the discordant items of a paired comparison (reference §5.2).
 * Under "no change" each of the b + c discordant items is equally likely to go either way, so
 * min(b, c) ~ Binomial(b + c, ½). Conventions, as in Fagerland, Lydersen &amp; Laake (BMC Med Res Methodol 2013):
 * <ul>
 *   <li>exact two-sided p = min(1, 2·P[X ≤ min(b, c)]) (the tail doubled);</li>
 *   <li>mid-p = 2·(P[X ≤ min(b, c)] − ½·P[X = min(b, c)]) = exact p − P[X = min(b, c)], capped at 1; with b = c it is 1.</li>
 * </ul>
 * The exact p never exceeds its nominal level and is what the gate uses; the mid-p is closer to nominal
 * (lm-eval #3831: type-I rate 0.036 exact vs 0.049 mid-p) and is reported beside it.
 *
 * @param b items that passed in the baseline and failed in the candidate
 * @param c items that failed in the baseline and passed in the candidate
 */
public record McNemarTest(int b, int c, double pExact, double pMid) {
    public static McNemarTest of(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts cannot be negative: b=" + b + ", c=" + c);
        }
        double[] tail = Distributions.binomialHalf(b + c, Math.min(b, c));
        return new McNemarTest(b, c, Math.min(1, 2 * tail[0]), Math.min(1, 2 * tail[0] - tail[1]));
    }

    public int discordant() {
        return b + c;
    }

    /** e.g. "b=7, c=2: exact two-sided p=0.18 (Binomial(9, 0.5), tail doubled), mid-p=0.11". */
    public String explain() {
        if (b + c == 0) {
            return "b=0, c=0: no discordant item, so there is nothing to test (p=1)";
        }
        return "b=" + b + ", c=" + c + ": " + Fmt.p("exact two-sided p", pExact) + " (Binomial(" + (b + c)
                + ", 0.5), tail doubled), " + Fmt.p("mid-p", pMid);
    }
}
