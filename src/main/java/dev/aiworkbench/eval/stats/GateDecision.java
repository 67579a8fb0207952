package dev.aiworkbench.eval.stats;

import java.util.List;

/**
 * What the gate decided and why.
 *
 * @param reason   the rule that decided, with its numbers, e.g. "b=7, c=2, exact p=0.18: not significant at alpha
 *                 0.05, so the 5.0-point drop (85.0% → 80.0%) may be noise; the smallest drop this suite can detect is
 *                 6.1 points"
 * @param warnings what a reader must also know: no baseline, too few items, an underpowered gate, unmatched items
 */
public record GateDecision(Decision decision, GateMode mode, String reason, List<String> warnings) {
    public enum Decision {
        PASS, BLOCK;

        /** "pass" or "block", as in the JSON output. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GateDecision {
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return decision == Decision.PASS;
    }

    /** e.g. "Gate (significant-drop) passed: b=7, c=2, …". */
    public String explain() {
        StringBuilder text = new StringBuilder("Gate (").append(mode.configName()).append(") ")
                .append(passed() ? "passed" : "blocked").append(": ").append(reason).append('.');
        warnings.forEach(w -> text.append(' ').append(w));
        return text.toString();
    }
}
