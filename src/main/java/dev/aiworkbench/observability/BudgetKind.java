package dev.aiworkbench.observability;

/** The four things a learner can put a budget on. */
public enum BudgetKind {
    /** Cost of today's calls (the learner's zone), in US dollars. */
    DAILY_COST("daily-cost", "Daily cost"),
    /** p95 time to first token over the last 24 hours, in milliseconds, for one model or all. */
    TTFT_P95("ttft-p95", "p95 time to first token"),
    /** How many percentage points a suite's latest pass rate may fall below its baseline's. */
    PASS_RATE_DROP("pass-rate", "Pass rate below baseline"),
    /** The lowest faithfulness (0 to 1) a suite's latest graded run may have. */
    FAITHFULNESS_FLOOR("faithfulness", "Faithfulness floor");

    private final String id;
    private final String label;

    BudgetKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** How settings, JSON and the command line name it, e.g. {@code daily-cost}. */
    public String id() {
        return id;
    }

    /** How screens name it, e.g. "Daily cost". */
    public String label() {
        return label;
    }

    /** Whether its scope is an eval suite (which it needs) rather than a model (which it may have). */
    public boolean ofSuite() {
        return this == PASS_RATE_DROP || this == FAITHFULNESS_FLOOR;
    }

    /** @throws IllegalArgumentException naming the kinds there are */
    public static BudgetKind of(String id) {
        for (BudgetKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("a budget is daily-cost, ttft-p95, pass-rate or faithfulness, not '" + id
                + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
