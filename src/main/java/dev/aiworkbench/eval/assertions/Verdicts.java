package dev.aiworkbench.eval.assertions;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;

/** Shared wording and arithmetic of assertion results. */
final class Verdicts {
    private static final int QUOTE_LIMIT = 80;

    private Verdicts() {
    }

    /**
     * The result of a yes-or-no check: it passes when what was checked holds, or when it does not and
     * the type is negated; the score is 1 or 0. The reason reads "Expected {expectation}, and|but {finding}."
     */
    static AssertionResult decide(AssertionSpec spec, boolean holds, String expectation, String finding) {
        boolean pass = holds != spec.negated();
        String reason = "Expected " + expectation + ", " + (pass ? "and " : "but ") + finding + ".";
        return pass ? AssertionResult.pass(spec, 1, reason) : AssertionResult.fail(spec, 0, reason);
    }

    /** "to " or, for a negated type, "not to ". */
    static String to(AssertionSpec spec) {
        return spec.negated() ? "not to " : "to ";
    }

    /** A text in double quotes, shortened in the middle when long, with line breaks shown as \n. */
    static String quote(String text) {
        String shown = text.replace("\r", "\\r").replace("\n", "\\n");
        if (shown.length() > QUOTE_LIMIT) {
            int half = QUOTE_LIMIT / 2;
            shown = shown.substring(0, half) + "…" + shown.substring(shown.length() - half + 1);
        }
        return "\"" + shown + "\"";
    }

    /** A number as a person writes it: 5, 0.75, 0.0125 (no trailing zeros, no exponent). */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value); // the common case (a latency, a count) without BigDecimal
        }
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /** A similarity or score with three decimals. */
    static String fixed(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    static double clamp01(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }

    /** The message of a check that throws {@link InvalidAssertionException}, or empty when it passes. */
    static Optional<String> problemOf(AssertionSpec spec, Consumer<AssertionSpec> check) {
        try {
            check.accept(spec);
            return Optional.empty();
        } catch (InvalidAssertionException e) {
            return Optional.of(e.getMessage());
        }
    }
}
