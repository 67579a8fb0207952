package dev.aiworkbench.eval.assertions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.PatternSyntaxException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JavaScript patterns (no flags) find what RegExp.prototype.test finds. */
class JsRegexTest {

    @ParameterizedTest(name = "/{0}/ on \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // $ is the very end: Java's $ would also match before a final line break
            "abc$          | abc\\n       | false",
            "abc$          | abc          | true",
            "^b            | a\\nb        | false",
            // . stops at line breaks only (Java's also stops at U+0085)
            "a.c           | a\\nc        | false",
            "a.c           | a\\u0085c    | true",
            "[^]           | \\n          | true",
            "a[]b          | ab           | false",
            // braces that are not quantifiers are literal
            "{name}        | say {name}   | true",
            "a{2}          | aa           | true",
            "a{2,}         | a            | false",
            "x{,2}         | x{,2}        | true",
            // inside a class: [ and && are literal, \\b is a backspace
            "[[]           | [            | true",
            "[a&&b]        | &            | true",
            "[\\b]         | \\b          | true",
            // escapes JavaScript reads differently
            "\\a           | a            | true",
            "\\e           | e            | true",
            "\\z           | z            | true",
            "\\v           | \\u000b      | true",
            "\\x4           | x4          | true",
            "\\x41         | A            | true",
            "\\s           | \\u00a0      | true",
            "a\\Sb         | a-b          | true",
            "[\\s]         | \\u3000      | true",
            "\\0           | \\u0000      | true",
            "\\k           | k            | true",
            "(?<y>a)\\k<y> | aa           | true",
            // plain patterns behave as before
            "\\d+\\.\\d+   | pi is 3.14   | true",
            "`^(yes|no)\\b` | no way     | true",
            "colou?r       | color        | true"})
    void matchesAsJavaScriptDoes(String pattern, String input, boolean expected) {
        assertThat(JsRegex.compile(pattern).matcher(input(input)).find())
                .as(JsRegex.translate(pattern))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(unclosed", "a)", "*a", "[a", "\\"})
    void patternsJavaScriptRejectsAreRejected(String pattern) {
        assertThatThrownBy(() -> JsRegex.compile(pattern)).isInstanceOf(PatternSyntaxException.class);
    }

    /** The input column writes a line feed as \\n, a backspace as \\b and any other character as \\uXXXX. */
    private static String input(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\\' && next == 'n') {
                out.append('\n');
                i++;
            } else if (c == '\\' && next == 'b') {
                out.append('\b');
                i++;
            } else if (c == '\\' && next == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
