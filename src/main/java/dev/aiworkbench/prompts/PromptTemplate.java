package dev.aiworkbench.prompts;

import dev.aiworkbench.diagnostics.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prompt template with {@code {{variable}}} slots.
 *
 * <ul>
 *   <li>A slot is {@code {{name}}}, spaces allowed inside the braces ({@code {{ name }}}). A name
 *       starts with a letter or {@code _} and goes on with letters, digits, {@code _ . -}.</li>
 *   <li>Escape: a backslash before {@code {{} makes the braces literal, so {@code \{{name}}} renders
 *       as {@code {{name}}}. Only backslashes directly before {@code {{} are special: in such a run
 *       each pair renders as one backslash and an odd one left over escapes the braces
 *       ({@code \\{{name}}} is a backslash followed by the value). Backslashes anywhere else, and a
 *       lone {@code }}}, are plain text. {@link #escape} applies this to any text.</li>
 *   <li>Braces that look like a slot but are not one (never closed, or around something that is not
 *       a name) are {@link #problems()}; rendering refuses them instead of sending the braces to the
 *       model by accident.</li>
 * </ul>
 *
 * Parsing is one linear pass with no regular expressions, because the playground parses on every
 * keystroke. Instances are immutable.
 */
public final class PromptTemplate {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";
    private static final String ESCAPE_HINT = "write \\{{ for literal braces";

    private final String text;
    private final List<TemplateSlot> slots;
    private final List<String> variables;
    private final List<TemplateProblem> problems;
    /** The literal text around the slots: literals[i] comes before slots[i]; one more than there are slots. */
    private final String[] literals;

    private PromptTemplate(String text, List<TemplateSlot> slots, List<TemplateProblem> problems, String[] literals) {
        this.text = text;
        this.slots = List.copyOf(slots);
        this.problems = List.copyOf(problems);
        this.literals = literals;
        Set<String> names = new LinkedHashSet<>();
        for (TemplateSlot slot : slots) {
            names.add(slot.name());
        }
        this.variables = List.copyOf(names);
    }

    public static PromptTemplate parse(String text) {
        return new Parser(text == null ? "" : text).parse();
    }

    /** Turns any text into template text that renders back to exactly that text. */
    public static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        int run = 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                run++;
                continue;
            }
            if (literal.startsWith(OPEN, i)) {
                // each literal backslash before the braces doubles, then one more escapes the braces
                out.append("\\".repeat(2 * run + 1)).append(OPEN);
                run = 0;
                i++;
                continue;
            }
            out.append("\\".repeat(run)).append(c);
            run = 0;
        }
        return out.append("\\".repeat(run)).toString();
    }

    public String text() {
        return text;
    }

    /** Every slot in order of appearance, repeats included, for highlighting. */
    public List<TemplateSlot> slots() {
        return slots;
    }

    /** The variable names in order of first appearance, each once: the playground's form fields. */
    public List<String> variables() {
        return variables;
    }

    public List<TemplateProblem> problems() {
        return problems;
    }

    /**
     * Fills the slots. Values are inserted as they are (a value containing {@code {{x}}} is not
     * expanded again).
     *
     * @param values a value for every variable and nothing else; an empty string is a value
     * @throws TemplateException when the template is malformed, a variable has no value, or a value
     *                           is given for a name the template does not use
     */
    public String render(Map<String, String> values) {
        check(values);
        int size = text.length();
        for (String value : values.values()) {
            size += value.length();
        }
        StringBuilder out = new StringBuilder(size);
        out.append(literals[0]);
        for (int i = 0; i < slots.size(); i++) {
            out.append(values.get(slots.get(i).name())).append(literals[i + 1]);
        }
        return out.toString();
    }

    private void check(Map<String, String> values) {
        if (!problems.isEmpty()) {
            TemplateProblem first = problems.get(0);
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more like it)" : "";
            throw new TemplateException("the template has a slot that is not a variable at " + first.describe() + more,
                    List.of(), List.of(), problems);
        }
        List<String> missing = new ArrayList<>();
        for (String name : variables) {
            if (values.get(name) == null) {
                missing.add(name);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!variables.contains(name)) {
                unknown.add(name);
            }
        }
        if (missing.isEmpty() && unknown.isEmpty()) {
            return;
        }
        List<String> sentences = new ArrayList<>();
        if (!missing.isEmpty()) {
            sentences.add("the template uses " + Words.and(braced(missing)) + " but no value was given"
                    + (missing.size() > 1 ? " for them" : ""));
        }
        if (!unknown.isEmpty()) {
            sentences.add(unknownSentence(unknown));
        }
        throw new TemplateException(String.join("; ", sentences), missing, unknown, List.of());
    }

    private String unknownSentence(List<String> unknown) {
        String which = unknown.size() == 1 ? "there is no " + braced(unknown).get(0) + " in the template"
                : Words.and(braced(unknown)) + " are not in the template";
        String has = variables.isEmpty() ? " (it has no variables)"
                : " (its variables are " + Words.and(braced(variables)) + ")";
        List<String> guesses = new ArrayList<>();
        for (String name : unknown) {
            guesses.addAll(Suggestions.BY_EDITS.closest(variables, name, 1));
        }
        String guess = guesses.isEmpty() ? "" : "; did you mean " + Words.or(braced(guesses)) + "?";
        return which + has + guess;
    }

    private static List<String> braced(List<String> names) {
        return names.stream().distinct().map(n -> OPEN + n + CLOSE).toList();
    }

    static boolean isName(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        char first = s.charAt(from);
        if (!(isLetter(first) || first == '_')) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** One pass over the text; every index is visited a bounded number of times. */
    private static final class Parser {
        private final String text;
        private final List<TemplateSlot> slots = new ArrayList<>();
        private final List<TemplateProblem> problems = new ArrayList<>();
        private final List<String> literals = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();
        // line/column are counted forward from the last problem, so many problems stay linear
        private int countedTo;
        private int line = 1;
        private int lineStart;

        Parser(String text) {
            this.text = text;
        }

        PromptTemplate parse() {
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i = backslashes(i);
                } else if (c == '{' && text.startsWith(OPEN, i)) {
                    i = slot(i);
                } else {
                    literal.append(c);
                    i++;
                }
            }
            literals.add(literal.toString());
            return new PromptTemplate(text, slots, problems, literals.toArray(String[]::new));
        }

        private int backslashes(int from) {
            int end = from;
            while (end < text.length() && text.charAt(end) == '\\') {
                end++;
            }
            int run = end - from;
            if (!text.startsWith(OPEN, end)) {
                literal.append(text, from, end);
                return end;
            }
            literal.append("\\".repeat(run / 2));
            if (run % 2 == 1) {
                literal.append(OPEN);
                return end + 2;
            }
            return end;
        }

        private int slot(int open) {
            int n = text.length();
            int k = open + 2;
            while (k < n && !text.startsWith(CLOSE, k) && !text.startsWith(OPEN, k)) {
                k++;
            }
            if (k >= n || text.startsWith(OPEN, k)) {
                problem(open, open + 2, "{{ is never closed with }}; " + ESCAPE_HINT);
                literal.append(OPEN);
                return open + 2;
            }
            int from = open + 2;
            int to = k;
            while (from < to && isSpace(text.charAt(from))) {
                from++;
            }
            while (to > from && isSpace(text.charAt(to - 1))) {
                to--;
            }
            int end = k + 2;
            if (!isName(text, from, to)) {
                String shown = text.substring(open, end);
                problem(open, end, (from == to ? shown + " has no variable name"
                        : shown + " is not a variable: a name starts with a letter or _ and goes on with letters, "
                        + "digits, _ . -") + "; " + ESCAPE_HINT);
                literal.append(shown);
                return end;
            }
            literals.add(literal.toString());
            literal.setLength(0);
            slots.add(new TemplateSlot(text.substring(from, to), open, end));
            return end;
        }

        private void problem(int start, int end, String message) {
            for (; countedTo < start; countedTo++) {
                if (text.charAt(countedTo) == '\n') {
                    line++;
                    lineStart = countedTo + 1;
                }
            }
            problems.add(new TemplateProblem(start, end, line, start - lineStart + 1, message));
        }
    }
}
