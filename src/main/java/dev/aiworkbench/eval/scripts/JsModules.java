package dev.aiworkbench.eval.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JavaScript file as promptfoo's Node would load it, made into one function of {@code (module, exports)}: the
 * CommonJS forms run as written ({@code module.exports = …}, {@code exports.name = …}), and the ES module exports
 * promptfoo's examples use are rewritten line by line into them ({@code export default …}, {@code export function
 * name}, {@code export const name = …}, {@code export {a, b as c}}). There is no {@code require} or {@code import}:
 * the sandbox loads no other module. Lines keep their numbers, so messages point into the file as written.
 */
final class JsModules {
    /** An export starts a line or follows a semicolon. */
    private static final String AT = "((?:^|;)\\s*)";
    private static final Pattern DEFAULT = Pattern.compile(AT + "export\\s+default\\s+", Pattern.MULTILINE);
    private static final Pattern FUNCTION = Pattern.compile(
            AT + "export\\s+(function\\s*\\*?\\s*)([A-Za-z_$][\\w$]*)", Pattern.MULTILINE);
    private static final Pattern BINDING = Pattern.compile(
            AT + "export\\s+(const|let|var)\\s+([A-Za-z_$][\\w$]*)", Pattern.MULTILINE);
    private static final Pattern LIST = Pattern.compile(AT + "export\\s*\\{([^}]*)}\\s*;?", Pattern.MULTILINE);

    private JsModules() {
    }

    static String asFunction(String source) {
        List<String> exported = new ArrayList<>();
        String text = DEFAULT.matcher(source).replaceAll("$1module.exports.default = ");
        text = replace(FUNCTION, text, exported, m -> m.group(1) + m.group(2) + m.group(3));
        text = replace(BINDING, text, exported, m -> m.group(1) + m.group(2) + " " + m.group(3));
        Matcher lists = LIST.matcher(text);
        StringBuilder out = new StringBuilder();
        while (lists.find()) {
            StringBuilder assignments = new StringBuilder(lists.group(1));
            for (String part : lists.group(2).split(",")) {
                String[] names = part.strip().split("\\s+as\\s+");
                if (!names[0].isEmpty()) {
                    String local = names[0].strip();
                    String name = names.length > 1 ? names[1].strip() : local;
                    assignments.append("exports.").append(name).append(" = ").append(local).append("; ");
                }
            }
            lists.appendReplacement(out, Matcher.quoteReplacement(assignments.toString()));
        }
        lists.appendTail(out);
        StringBuilder tail = new StringBuilder();
        for (String name : exported) {
            tail.append("exports.").append(name).append(" = ").append(name).append("; ");
        }
        return "(function(module, exports) {\n" + out + "\n;" + tail + "})";
    }

    private static String replace(Pattern pattern, String text, List<String> exported,
                                  java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            exported.add(m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
