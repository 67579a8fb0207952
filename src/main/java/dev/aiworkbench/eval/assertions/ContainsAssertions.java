package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The substring family: {@code contains}, {@code icontains}, {@code contains-any}, {@code contains-all},
 * {@code icontains-any}, {@code icontains-all} and {@code starts-with}. The {@code i} forms lower-case
 * both sides. A list type takes a list, or a string split on commas (quotes keep commas).
 */
final class ContainsAssertions {
    private ContainsAssertions() {
    }

    static List<AssertionType> all() {
        return List.of(new Single("contains", false), new Single("icontains", true),
                new Several("contains-any", false, true), new Several("contains-all", false, false),
                new Several("icontains-any", true, true), new Several("icontains-all", true, false),
                new StartsWith());
    }

    private static String fold(String text, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** contains, icontains: a non-empty string or a number. */
    private record Single(String name, boolean ignoreCase) implements AssertionType {
        @Override
        public Optional<String> problem(AssertionSpec spec) {
            return Verdicts.problemOf(spec, s -> needle(s.value()));
        }

        private String needle(JsonNode value) {
            boolean text = value != null && value.isTextual() && !value.asText().isEmpty();
            boolean number = value != null && value.isNumber();
            if (!text && !number) {
                throw new InvalidAssertionException("The " + name + " assertion needs a non-empty string or a number as its value");
            }
            return JsValues.string(value);
        }

        @Override
        public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
            String needle = needle(value);
            boolean holds = fold(output.text(), ignoreCase).contains(fold(needle, ignoreCase));
            String how = ignoreCase ? " (ignoring case)" : "";
            return Verdicts.decide(spec, holds, "the output " + Verdicts.to(spec) + "contain " + Verdicts.quote(needle) + how,
                    holds ? "it does" : "it does not");
        }
    }

    /** contains-any, contains-all and their i forms. */
    private record Several(String name, boolean ignoreCase, boolean any) implements AssertionType {
        @Override
        public Optional<String> problem(AssertionSpec spec) {
            return Verdicts.problemOf(spec, s -> needles(s.value()));
        }

        private List<String> needles(JsonNode value) {
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                return CommaSeparated.split(value.asText());
            }
            if (value != null && value.isArray()) {
                List<String> out = new ArrayList<>();
                value.forEach(item -> out.add(JsValues.string(item)));
                return out;
            }
            throw new InvalidAssertionException("The " + name + " assertion needs a list of strings, or a string of comma-separated items, "
                    + "as its value");
        }

        @Override
        public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
            List<String> needles = needles(value);
            String haystack = fold(output.text(), ignoreCase);
            List<String> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String needle : needles) {
                (haystack.contains(fold(needle, ignoreCase)) ? found : missing).add(needle);
            }
            boolean holds = any ? !found.isEmpty() : missing.isEmpty();
            String how = ignoreCase ? " (ignoring case)" : "";
            String expectation = "the output " + Verdicts.to(spec) + "contain " + (any ? "any of " : "all of ")
                    + quoted(needles) + how;
            String finding;
            if (any) {
                finding = found.isEmpty() ? "it contains none of them" : "it contains " + quoted(found);
            } else {
                finding = missing.isEmpty() ? "it contains all of them" : "it lacks " + quoted(missing);
            }
            return Verdicts.decide(spec, holds, expectation, finding);
        }

        private static String quoted(List<String> items) {
            return items.isEmpty() ? "[]" : String.join(", ", items.stream().map(Verdicts::quote).toList());
        }
    }

    /** starts-with: a non-empty string, no trimming. */
    private static final class StartsWith implements AssertionType {
        @Override
        public String name() {
            return "starts-with";
        }

        @Override
        public Optional<String> problem(AssertionSpec spec) {
            return Verdicts.problemOf(spec, s -> prefix(s.value()));
        }

        private static String prefix(JsonNode value) {
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                throw new InvalidAssertionException("The starts-with assertion needs a non-empty string as its value");
            }
            return value.asText();
        }

        @Override
        public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
            String prefix = prefix(value);
            boolean holds = output.text().startsWith(prefix);
            return Verdicts.decide(spec, holds, "the output " + Verdicts.to(spec) + "start with " + Verdicts.quote(prefix),
                    holds ? "it does" : "it starts with " + Verdicts.quote(
                            output.text().substring(0, Math.min(output.text().length(), prefix.length()))));
        }
    }
}
