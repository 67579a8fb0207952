package dev.aiworkbench.assessment;

/**
 * How a review went, in FSRS's four grades. A quiz answer becomes one: wrong is {@link #AGAIN}; right is
 * {@link #HARD}, {@link #GOOD} or {@link #EASY} by the confidence the learner gave, so a lucky guess comes back
 * sooner than a sure answer.
 */
public enum Rating {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    /** FSRS's number for the grade, 1 to 4. */
    public int grade() {
        return grade;
    }

    /** @param confidence 1, 2 or 3, as the learner rated their answer */
    public static Rating ofAnswer(boolean correct, int confidence) {
        Confidence.check(confidence);
        if (!correct) {
            return AGAIN;
        }
        return switch (confidence) {
            case 1 -> HARD;
            case 2 -> GOOD;
            default -> EASY;
        };
    }
}
