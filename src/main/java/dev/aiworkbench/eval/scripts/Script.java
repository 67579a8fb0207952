package dev.aiworkbench.eval.scripts;

import java.util.List;

/**
 * A piece of user code a suite runs: an assertion's check or a test's transform, as promptfoo runs them.
 *
 * @param language   which engine runs it
 * @param code       the inline code, or the text of the file (read by the suite loader, never by the script)
 * @param file       the file as the suite names it ({@code checks/score.js}); null for inline code
 * @param folder     the folder of that file, so a Python file imports its neighbours as under promptfoo; null for inline
 * @param function   the function to call ({@code file://a.js:name}); null for the file's default
 * @param parameters the names inline code sees its arguments under ({@code output, context} for assertions and
 *                   transforms); ignored for files, whose function names its own
 */
public record Script(Language language, String code, String file, String folder, String function,
                     List<String> parameters) {
    public static final List<String> OUTPUT_AND_CONTEXT = List.of("output", "context");

    public Script {
        parameters = List.copyOf(parameters);
    }

    /** Inline code taking {@code output} and {@code context}. */
    public static Script inline(Language language, String code) {
        return new Script(language, code, null, null, null, OUTPUT_AND_CONTEXT);
    }

    /** A file's code, its named function or its default. */
    public static Script file(Language language, String code, String file, String folder, String function) {
        return new Script(language, code, file, folder, function, OUTPUT_AND_CONTEXT);
    }

    public boolean isFile() {
        return file != null;
    }

    /** How the suite names it, for messages: the file (with its function), or "inline code". */
    public String describe() {
        return isFile() ? "file://" + file + (function == null ? "" : ":" + function) : "inline " + language.label();
    }

    /** The languages a suite's scripts are written in. */
    public enum Language {
        JAVASCRIPT("JavaScript"), PYTHON("Python");

        private final String label;

        Language(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * The language a {@code file://} path's extension names, as promptfoo decides it; null for another file,
         * whose text promptfoo reads as inline code.
         */
        public static Language ofFile(String path) {
            String lower = path.toLowerCase(java.util.Locale.ROOT);
            for (String extension : List.of(".js", ".cjs", ".mjs", ".ts", ".cts", ".mts")) {
                if (lower.endsWith(extension)) {
                    return JAVASCRIPT;
                }
            }
            return lower.endsWith(".py") ? PYTHON : null;
        }
    }
}
