package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regex}: the value is a JavaScript regular expression, tested against the output without flags
 * and without anchoring (a match anywhere passes). A pattern that does not compile fails, negated or not.
 */
final class RegexAssertion implements AssertionType {

    @Override
    public String name() {
        return "regex";
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        return Verdicts.problemOf(spec, s -> source(s.value()));
    }

    private static String source(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidAssertionException("The regex assertion needs a non-empty string (the pattern) as its value");
        }
        return value.asText();
    }

    @Override
    public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        String source = source(value);
        Pattern pattern;
        try {
            pattern = JsRegex.compile(source);
        } catch (PatternSyntaxException e) {
            return AssertionResult.fail(spec, 0, "The pattern " + Verdicts.quote(source) + " is not a valid regular expression: "
                    + e.getDescription() + ".");
        }
        boolean holds = pattern.matcher(output.text()).find();
        return Verdicts.decide(spec, holds, "the output " + Verdicts.to(spec) + "match /" + source + "/",
                holds ? "it does" : "it does not");
    }
}
