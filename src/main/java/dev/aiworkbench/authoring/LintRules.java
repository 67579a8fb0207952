package dev.aiworkbench.authoring;

/** The ids of the rules only the linter checks (validation's rules name themselves where they are found). */
final class LintRules {
    static final String ID_KEBAB_CASE = "id-kebab-case";
    static final String WEEK_TASK_COUNT = "week-task-count";
    static final String WEEK_HOURS = "week-hours";
    static final String HTTPS_LINKS = "https-links";
    static final String UNKNOWN_REFERENCE = "unknown-reference";
    static final String UNREFERENCED_FILE = "unreferenced-file";
    static final String FILE_ACCESS = "file-access";
    /** --run-labs: a lab's untouched starter passes every check, so the learner would have nothing to do. */
    static final String LAB_STARTER_PASSES = "lab-starter-passes";
    /** --run-labs: a lab's reference solution fails a check. */
    static final String LAB_SOLUTION_FAILS = "lab-solution-fails";
    /** --run-labs: a lab's services cannot run here (or the lab cannot be read), so it was not rehearsed. */
    static final String LAB_SKIPPED = "lab-skipped";
    /** --run-labs: a lab has no reference solution to show its checks can pass. */
    static final String LAB_NO_SOLUTION = "lab-no-solution";
    /** What a lab's own checks found that names no rule of its own. */
    static final String LAB = "lab";
    /** What pack validation found that names no rule of its own. */
    static final String PACK_FORMAT = "pack-format";

    private LintRules() {
    }
}
