package dev.aiworkbench.labs.checks;

/**
 * What a check found, before the engine adds its id, duration and time.
 *
 * @param finding  what was expected and what was found, as a sentence without the next step
 * @param nextStep what to do next, as a sentence; for a failure the lab's hint replaces it; null after a pass
 */
record Outcome(CheckStatus status, String finding, String nextStep) {

    static Outcome pass(String finding) {
        return new Outcome(CheckStatus.PASS, finding, null);
    }

    static Outcome fail(String finding, String nextStep) {
        return new Outcome(CheckStatus.FAIL, finding, nextStep);
    }

    static Outcome error(String finding, String nextStep) {
        return new Outcome(CheckStatus.ERROR, finding, nextStep);
    }

    /**
     * The message of the result: the finding, then the next step (the hint after a failure, when the lab has one).
     * The lab's hint is quoted as written: it often starts with a file or command name ({@code eval.prom},
     * {@code reports/v2-blocked.json}, {@code v1}) that capitalizing would change.
     */
    String message(String hint) {
        String first = Text.sentence(Text.capitalized(finding.strip()));
        if (status == CheckStatus.FAIL && hint != null && !hint.isBlank()) {
            return first + " " + Text.sentence(hint.strip());
        }
        return nextStep == null || nextStep.isBlank() ? first
                : first + " " + Text.sentence(Text.capitalized(nextStep.strip()));
    }
}
