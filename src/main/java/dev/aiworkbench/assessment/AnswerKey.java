package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.ItemType;

import java.util.List;
import java.util.Optional;

/**
 * Checks that a response fits its item and grades what can be graded at once: choices against the key. A short
 * answer waits for a grade; a capability statement is rated, not graded.
 */
public final class AnswerKey {
    public static final int LOWEST_LEVEL = 1;
    public static final int HIGHEST_LEVEL = 5;

    private AnswerKey() {
    }

    /**
     * @param confidence 1 to 3; required for every item but a capability statement, where it is ignored
     * @throws AnswerRefusedException the response or confidence does not fit the item; the message says why
     */
    public static Grade grade(AssessmentItem item, Response response, Optional<Integer> confidence) {
        if (item.type().scored()) {
            int level = confidence.orElseThrow(() -> new AnswerRefusedException("Item " + item.id()
                    + " needs a confidence: 1 (a guess), 2 (fairly sure) or 3 (sure)."));
            if (level < Confidence.LOWEST || level > Confidence.HIGHEST) {
                throw new AnswerRefusedException("A confidence is 1 (a guess), 2 (fairly sure) or 3 (sure); item "
                        + item.id() + " got " + level + ".");
            }
        }
        return switch (item.type()) {
            case SINGLE, MULTIPLE -> gradeChoices(item, response);
            case SHORT -> {
                if (!(response instanceof Response.Text text) || text.text().isBlank()) {
                    throw new AnswerRefusedException("Item " + item.id() + " takes a written answer (text).");
                }
                yield Grade.PENDING;
            }
            case CAPABILITY -> {
                if (!(response instanceof Response.Level level) || level.level() < LOWEST_LEVEL
                        || level.level() > HIGHEST_LEVEL) {
                    throw new AnswerRefusedException("Item " + item.id() + " is an \"I can …\" statement: rate it "
                            + LOWEST_LEVEL + " (not yet) to " + HIGHEST_LEVEL + " (with confidence).");
                }
                yield Grade.RATED;
            }
        };
    }

    private static Grade gradeChoices(AssessmentItem item, Response response) {
        if (!(response instanceof Response.Choices choices) || choices.picked().isEmpty()) {
            throw new AnswerRefusedException("Item " + item.id() + " takes "
                    + (item.type() == ItemType.SINGLE ? "one choice index" : "a list of choice indexes")
                    + ", counted from 0.");
        }
        List<Integer> picked = choices.picked();
        for (int index : picked) {
            if (index < 0 || index >= item.choices().size()) {
                throw new AnswerRefusedException("Item " + item.id() + " has choices 0 to " + (item.choices().size() - 1)
                        + "; there is no choice " + index + ".");
            }
        }
        if (item.type() == ItemType.SINGLE && picked.size() != 1) {
            throw new AnswerRefusedException("Item " + item.id() + " takes one choice, not " + picked.size() + ".");
        }
        return picked.equals(item.correctChoices()) ? Grade.RIGHT : Grade.WRONG;
    }
}
