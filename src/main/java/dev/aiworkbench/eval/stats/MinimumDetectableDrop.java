package dev.aiworkbench.eval.stats;

/**
 * The smallest drop in pass rate a paired comparison of this size can detect (reference §5.2, §8.3). Connor's (1987)
 * sample-size approximation for McNemar's test, n = (z_{1−α/2}·√ψ + z_{power}·√(ψ − δ²))² / δ², with ψ the
 * discordant fraction (b + c)/n, is solved for δ at the given n (bisection; the left side falls as δ grows).
 * <ul>
 *   <li>No discordant item (ψ = 0) leaves the formula empty; ψ is then taken as 3/n, the 95% upper bound on a rate
 *       after zero events ("rule of three"), and {@code discordanceAssumed} says so.</li>
 *   <li>With clusters n is the effective number of items, n / deff of the per-item differences.</li>
 *   <li>With repeats the per-item verdicts are pass fractions and b, c count the items whose fraction fell or rose;
 *       the formula is then an approximation.</li>
 *   <li>When even a drop of √ψ cannot be detected (n below about 4), {@code drop} is 1: no drop is detectable.</li>
 * </ul>
 * Checks (reference §5.2): n = 100 gives 6.2 points at ψ = 5% and 8.8 at ψ = 10%; a 2-point drop at ψ = 5% needs
 * about 980 items.
 *
 * @param drop the minimum detectable drop, a fraction (0.061 = 6.1 points)
 */
public record MinimumDetectableDrop(int items, double effectiveItems, double discordance, boolean discordanceAssumed,
                                    double alpha, double power, double drop) {
    public static final double DEFAULT_POWER = 0.8;

    /**
     * @param items          paired items
     * @param effectiveItems items, or fewer when clusters make them less than independent
     * @param discordant     b + c
     */
    public static MinimumDetectableDrop of(int items, double effectiveItems, int discordant, double alpha,
                                           double power) {
        if (items < 1 || discordant < 0 || discordant > items || !(effectiveItems > 0 && effectiveItems <= items)) {
            throw new IllegalArgumentException("need items ≥ 1, 0 ≤ discordant ≤ items, 0 < effective items ≤ items");
        }
        checkLevels(alpha, power);
        boolean assumed = discordant == 0;
        double psi = assumed ? Math.min(1, 3.0 / items) : (double) discordant / items;
        return new MinimumDetectableDrop(items, effectiveItems, psi, assumed, alpha, power,
                solve(effectiveItems, psi, alpha, power));
    }

    /** The same suite at another alpha (the gate's). */
    public MinimumDetectableDrop atAlpha(double otherAlpha) {
        checkLevels(otherAlpha, power);
        return new MinimumDetectableDrop(items, effectiveItems, discordance, discordanceAssumed, otherAlpha, power,
                solve(effectiveItems, discordance, otherAlpha, power));
    }

    public boolean anyDropDetectable() {
        return drop < 1;
    }

    /**
     * Connor's n for detecting {@code target} at this discordance, alpha and power, in items (scaled up by the
     * clustering's design effect). A drop of δ needs at least δ of the items to be discordant, so ψ is raised to δ
     * when smaller.
     */
    public long itemsNeeded(double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("the target drop must be in (0, 1], not " + target);
        }
        double psi = Math.max(discordance, target);
        double za = Distributions.normalQuantile(1 - alpha / 2);
        double zb = Distributions.normalQuantile(power);
        double root = za * Math.sqrt(psi) + zb * Math.sqrt(Math.max(0, psi - target * target));
        double effective = root * root / (target * target);
        return (long) Math.ceil(effective * items / effectiveItems);
    }

    /** e.g. "with 100 paired items, 9.0% of them discordant, the smallest drop detectable at 80% power and alpha 0.05 …". */
    public String explain() {
        String base = "with " + items + " paired items";
        if (effectiveItems < items) {
            base += String.format(java.util.Locale.ROOT, " (%.1f effective, given their clusters)", effectiveItems);
        }
        base += discordanceAssumed
                ? " and no item changed its verdict (discordance taken as 3/n = " + Fmt.pct(discordance) + ", the rule of three)"
                : ", " + Fmt.pct(discordance) + " of them discordant";
        String levels = " at " + Math.round(power * 100) + "% power and alpha " + Fmt.plain(alpha) + " (two-sided)";
        if (!anyDropDetectable()) {
            return base + ", no drop can be detected" + levels;
        }
        return base + ", the smallest drop detectable" + levels + " is " + Fmt.points(drop)
                + " points (Connor's approximation for McNemar's test)";
    }

    private static double solve(double n, double psi, double alpha, double power) {
        double za = Distributions.normalQuantile(1 - alpha / 2);
        double zb = Distributions.normalQuantile(power);
        double hi = Math.sqrt(psi);
        if (gap(hi, n, psi, za, zb) <= 0) {
            return 1;
        }
        double lo = 0;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (gap(mid, n, psi, za, zb) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.min(1, (lo + hi) / 2);
    }

    private static double gap(double delta, double n, double psi, double za, double zb) {
        return Math.sqrt(n) * delta - za * Math.sqrt(psi) - zb * Math.sqrt(Math.max(0, psi - delta * delta));
    }

    private static void checkLevels(double alpha, double power) {
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha and power must be in (0, 1), not " + alpha + " and " + power);
        }
    }
}
