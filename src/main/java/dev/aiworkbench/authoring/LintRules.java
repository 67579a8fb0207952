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
    /** What a lab's own checks found that names no rule of its own. */
    static final String LAB = "lab";
    /** What pack validation found that names no rule of its own. */
    static final String PACK_FORMAT = "pack-format";

    private LintRules() {
    }
}
