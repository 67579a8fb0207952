package dev.aiworkbench.eval.assertions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code new RegExp(source)} (no flags) for java.util.regex. The pattern is rewritten where the two
 * dialects disagree, so that it matches what JavaScript would:
 * <ul>
 *   <li>{@code $} is the end of the input (Java's also matches before a final line break);</li>
 *   <li>{@code .} excludes only line breaks (LF, CR, U+2028, U+2029); {@code \s} / {@code \S} are JavaScript's
 *       whitespace set;</li>
 *   <li>a curly brace that is not part of a quantifier ({@code {n}}, {@code {n,}}, {@code {n,m}}) is a
 *       literal brace;</li>
 *   <li>{@code [^]} is any character and {@code []} matches nothing; inside a class, {@code [} and
 *       {@code &&} are literal and {@code \b} is a backspace;</li>
 *   <li>{@code \v} is a vertical tab, {@code \0} a NUL, and an escaped letter with no meaning in
 *       JavaScript ({@code \a}, {@code \e}, {@code \z}, {@code \Q}...) is that letter; {@code \x} and
 *       backslash-u without their hex digits are the letters x and u.</li>
 * </ul>
 * Patterns JavaScript rejects mostly stay rejected. Known gaps: named groups whose names hold {@code _}
 * or {@code $} are refused here, and constructs only Java knows ({@code (?i)}, possessive quantifiers)
 * are accepted here.
 */
final class JsRegex {
    private static final String SPACES = "\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
            + "\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
    private static final String ANY_BUT_LINE_END = "[^\\n\\r\\x{2028}\\x{2029}]";
    /** Patterns compiled so far, by source: every case of a suite repeats its patterns. Bounded, as {{var}}s vary them. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final int COMPILED_LIMIT = 1024;

    private JsRegex() {
    }

    /** The compiled pattern (shared: {@link Pattern} is immutable); a source that does not compile throws each time. */
    static Pattern compile(String source) throws PatternSyntaxException {
        Pattern pattern = COMPILED.get(source);
        if (pattern == null) {
            pattern = Pattern.compile(translate(source));
            if (COMPILED.size() >= COMPILED_LIMIT) {
                COMPILED.clear();
            }
            COMPILED.put(source, pattern);
        }
        return pattern;
    }

    static String translate(String source) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        boolean inClass = false;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i = escape(source, i, inClass, out);
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else if (c == '[') {
                    out.append("\\[");
                } else if (c == '&' && source.startsWith("&&", i)) {
                    out.append("&\\&");
                    i++;
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    if (source.startsWith("[^]", i)) {
                        out.append("[\\s\\S]");
                        i += 2;
                    } else if (source.startsWith("[]", i)) {
                        out.append("(?!)");
                        i += 1;
                    } else {
                        inClass = true;
                        out.append('[');
                        if (source.startsWith("[^", i)) {
                            out.append('^');
                            i++;
                        }
                    }
                }
                case '$' -> out.append("\\z");
                case '.' -> out.append(ANY_BUT_LINE_END);
                case '{' -> {
                    int end = quantifierEnd(source, i);
                    if (end > 0) {
                        out.append(source, i, end);
                        i = end - 1;
                    } else {
                        out.append("\\{");
                    }
                }
                case '}' -> out.append("\\}");
                default -> out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** Appends the translation of the escape at {@code at} and returns the index after it. */
    private static int escape(String source, int at, boolean inClass, StringBuilder out) {
        if (at + 1 >= source.length()) {
            out.append('\\'); // "\ at end of pattern": rejected by both
            return at + 1;
        }
        char d = source.charAt(at + 1);
        int next = at + 2;
        switch (d) {
            case 'd', 'D', 'w', 'W', 'n', 'r', 't', 'f', 'c' -> out.append('\\').append(d);
            case 'k' -> out.append(source.startsWith("<", next) ? "\\k" : "k");
            case 's' -> out.append("[" + SPACES + "]");
            case 'S' -> out.append("[^" + SPACES + "]");
            case 'b' -> out.append(inClass ? "\\x08" : "\\b");
            case 'B' -> out.append(inClass ? "B" : "\\B");
            case 'v' -> out.append("\\x0B");
            case 'x' -> out.append(hexFollows(source, next, 2) ? "\\x" : "x");
            case 'u' -> out.append(hexFollows(source, next, 4) ? "\\u" : "u");
            case '0' -> out.append(next < source.length() && isDigit(source.charAt(next)) ? "\\0" : "\\x00");
            default -> {
                if (isDigit(d)) {
                    out.append('\\').append(d);
                } else if (isLetter(d)) {
                    out.append(d); // identity escape: \a is "a" in JavaScript
                } else {
                    out.append('\\').append(d);
                }
            }
        }
        return next;
    }

    /** The index after a quantifier {n}, {n,} or {n,m} starting at {@code at}, or -1. */
    private static int quantifierEnd(String source, int at) {
        int i = at + 1;
        int digits = 0;
        while (i < source.length() && isDigit(source.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= source.length()) {
            return -1;
        }
        if (source.charAt(i) == ',') {
            i++;
            while (i < source.length() && isDigit(source.charAt(i))) {
                i++;
            }
        }
        return i < source.length() && source.charAt(i) == '}' ? i + 1 : -1;
    }

    private static boolean hexFollows(String source, int from, int count) {
        if (from + count > source.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(source.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
