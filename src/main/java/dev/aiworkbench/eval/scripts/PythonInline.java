package dev.aiworkbench.eval.scripts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline Python as promptfoo 0.118 builds it: a {@code main(output, context)} function whose body is
 * {@code return <code>} for one line, or the lines themselves, each indented by the code's first indentation
 * (four spaces when none), for several.
 */
final class PythonInline {
    static final String FUNCTION = "main";
    private static final Pattern FIRST_INDENT = Pattern.compile("^(?!\\s*$)\\s+", Pattern.MULTILINE);

    private PythonInline() {
    }

    static String module(String code) {
        StringBuilder out = new StringBuilder("import json\n\ndef main(output, context):\n");
        if (!code.contains("\n")) {
            return out.append("    return ").append(code).append('\n').toString();
        }
        Matcher indent = FIRST_INDENT.matcher(code);
        String step = indent.find() ? indent.group() : "    ";
        for (String line : code.split("\n", -1)) {
            out.append(step).append(line).append('\n');
        }
        return out.toString();
    }
}
