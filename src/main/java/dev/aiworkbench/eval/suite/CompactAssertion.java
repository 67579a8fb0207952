package dev.aiworkbench.eval.suite;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * promptfoo's compact assertions in CSV {@code __expected} cells ({@code assertionFromString} in its
 * {@code src/csv.ts}), read the same way:
 * <ul>
 *   <li>{@code javascript:}, {@code fn:}, {@code eval:} and {@code file://x.js} are {@code javascript} (the
 *       last keeping its {@code file://}, as promptfoo keeps it); {@code python:} and {@code file://x.py} are
 *       {@code python}, both without their prefix, as promptfoo 0.118 has it (so the second is read as the code
 *       {@code x.py}, and the loader warns); {@code grade:} and
 *       {@code llm-rubric:} are {@code llm-rubric} with the rest as the rubric.</li>
 *   <li>{@code [not-]<type>[(<threshold>)][:<value>]} where {@code type} is a known type name, e.g.
 *       {@code contains:P1}, {@code not-icontains:error}, {@code similar(0.8):disk is full}. The value is
 *       everything after the first colon, untrimmed. For {@code contains-any}, {@code contains-all} and
 *       their {@code i} forms it is split on commas and each part trimmed. A {@code similar} cell without a
 *       threshold gets 0.8, as in promptfoo.</li>
 *   <li>Anything else, including {@code word: text} where {@code word} is no type, is {@code equals}
 *       with the whole cell.</li>
 * </ul>
 * One deliberate difference: promptfoo gives the other threshold types (levenshtein, latency, cost,
 * starts-with…) a threshold of 0.75 when the cell has none, which would make {@code latency:} demand
 * 0.75 ms; here they keep no threshold, so the type's own default applies.
 *
 * @param type      as written, with any {@code not-} prefix
 * @param threshold from the parentheses; null when none
 * @param value     the text value; null when the cell has no colon part
 * @param values    the split list for the {@code contains-any/all} family; null otherwise
 */
record CompactAssertion(String type, Double threshold, String value, List<String> values) {
    static final double SIMILAR_DEFAULT_THRESHOLD = 0.8;
    private static final Set<String> LIST_TYPES = Set.of("contains-any", "contains-all", "icontains-any",
            "icontains-all");

    static CompactAssertion parse(String cell, Set<String> knownTypes) {
        for (String legacy : List.of("javascript:", "fn:", "eval:")) {
            if (cell.startsWith(legacy)) {
                return new CompactAssertion("javascript", null, cell.substring(legacy.length()).strip(), null);
            }
        }
        if (cell.startsWith("grade:") || cell.startsWith("llm-rubric:")) {
            return new CompactAssertion("llm-rubric", null, cell.substring(cell.indexOf(':') + 1), null);
        }
        if (cell.startsWith("python:") || (cell.startsWith("file://") && (cell.endsWith(".py") || cell.contains(".py:")))) {
            int cut = cell.startsWith("python:") ? "python:".length() : "file://".length();
            return new CompactAssertion("python", null, cell.substring(cut).strip(), null);
        }
        if (cell.startsWith("file://") && (cell.endsWith(".js") || cell.endsWith(".ts") || cell.contains(".js:")
                || cell.contains(".ts:"))) {
            return new CompactAssertion("javascript", null, cell.strip(), null); // promptfoo keeps file:// here
        }
        Matcher m = pattern(knownTypes).matcher(cell);
        if (!m.matches()) {
            return new CompactAssertion("equals", null, cell, null);
        }
        String base = m.group(2);
        String written = m.group(1) == null ? base : "not-" + base;
        Double threshold = m.group(3) == null ? null : Double.valueOf(m.group(3));
        String value = m.group(4);
        if (LIST_TYPES.contains(base)) {
            List<String> values = value == null ? null : Arrays.stream(value.split(",", -1)).map(String::strip).toList();
            return new CompactAssertion(written, threshold, value, values);
        }
        if (base.equals("similar") && threshold == null) {
            threshold = SIMILAR_DEFAULT_THRESHOLD;
        }
        return new CompactAssertion(written, threshold, value, null);
    }

    private static final java.util.Map<Set<String>, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(Set<String> knownTypes) {
        if (PATTERNS.size() > 16) {
            PATTERNS.clear();
        }
        return PATTERNS.computeIfAbsent(Set.copyOf(knownTypes), CompactAssertion::compile);
    }

    private static Pattern compile(Set<String> knownTypes) {
        String alternatives = String.join("|", knownTypes.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote).toList());
        return Pattern.compile("^(not-)?(" + alternatives + ")(?:\\((\\d+(?:\\.\\d+)?)\\))?(?::([\\s\\S]*))?$");
    }
}
