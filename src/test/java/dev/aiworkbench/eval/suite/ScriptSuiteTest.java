package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.ScriptAssertionValue;
import dev.aiworkbench.eval.scripts.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** javascript and python assertions and transforms as a suite writes them, read and checked before anything runs. */
class ScriptSuiteTest {
    @TempDir
    Path temp;

    private static String suite(String assertions, String defaultOptions, String testOptions) {
        return """
                prompts: ["Triage: {{alert}}"]
                providers: [ollama:chat:tiny]
                defaultTest:
                  options:
                %s
                tests:
                  - description: disk
                    vars: {alert: disk full}
                    options:
                %s
                    assert:
                %s
                """.formatted(indent(defaultOptions, 4, "{}"), indent(testOptions, 6, "{}"),
                indent(assertions, 6, "[]"));
    }

    private static String indent(String text, int spaces, String empty) {
        if (text.isBlank()) {
            return " ".repeat(spaces) + empty;
        }
        return text.stripTrailing().lines().map(l -> " ".repeat(spaces) + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private SuiteLoadResult load(SuiteFixture f, String text, Optional<String> python) {
        f.write("suite.yaml", text);
        return new SuiteLoader(PromptResolver.none(), () -> new LinkedHashSet<>(AssertionTypes.RUNNER), () -> python)
                .load(f.folder.resolve("suite.yaml"));
    }

    private EvalSuite loaded(SuiteFixture f, String text) {
        SuiteLoadResult result = load(f, text, Optional.of("/usr/bin/python3"));
        assertThat(result.problems()).as(String.join("\n", SuiteFixture.lines(result)))
                .noneMatch(dev.aiworkbench.diagnostics.Problem::isError);
        return result.suite().orElseThrow();
    }

    private static Script script(AssertionSpec spec) {
        return ScriptAssertionValue.of(spec.value()).script();
    }

    @Test
    void inlineAndFileScriptsAreReadWithTheirFunctionAndConfig() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("checks/severity.js", "module.exports.grade = (output, context) => output.includes('P1');\n");
        f.write("checks/severity.py", "def get_assert(output, context):\n    return 'P1' in output\n");
        EvalSuite suite = loaded(f, suite("""
                - type: javascript
                  value: output.includes(context.config.word)
                  config: {word: disk}
                - type: not-javascript
                  value: file://checks/severity.js:grade
                - type: python
                  value: file://checks/severity.py
                - type: python
                  value: |
                    words = output.split()
                    return len(words) > 1
                """, "", ""));
        List<AssertionSpec> specs = suite.tests().get(0).assertions();
        assertThat(specs).extracting(AssertionSpec::writtenType)
                .containsExactly("javascript", "not-javascript", "python", "python");
        assertThat(script(specs.get(0)).isFile()).isFalse();
        assertThat(ScriptAssertionValue.of(specs.get(0).value()).config().get("word").asText()).isEqualTo("disk");
        Script file = script(specs.get(1));
        assertThat(file.language()).isEqualTo(Script.Language.JAVASCRIPT);
        assertThat(file.file()).isEqualTo("checks/severity.js");
        assertThat(file.function()).isEqualTo("grade");
        assertThat(file.code()).contains("module.exports.grade");
        assertThat(script(specs.get(2)).language()).isEqualTo(Script.Language.PYTHON);
        assertThat(script(specs.get(2)).function()).isNull();
        assertThat(script(specs.get(3)).code()).startsWith("words = output.split()");
    }

    @Test
    void aJavascriptFileThatDoesNotCompileIsAProblemAtItsLine() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("checks/bad.js", "// severity\nmodule.exports = async (output) => {\n  return true;\n};\n");
        SuiteLoadResult result = load(f, suite("""
                - type: javascript
                  value: file://checks/bad.js
                """, "", ""), Optional.empty());
        assertThat(result.suite()).isEmpty();
        assertThat(SuiteFixture.lines(result)).singleElement().satisfies(line -> assertThat(line)
                .startsWith(f.name("checks/bad.js") + ":2:").contains("Rhino").contains("async functions"));
    }

    @Test
    void inlineJavascriptThatDoesNotCompileIsAProblemAtItsValue() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = load(f, suite("""
                - type: javascript
                  value: output.includes(
                """, "", ""), Optional.empty());
        assertThat(SuiteFixture.lines(result)).singleElement().satisfies(line -> assertThat(line)
                .startsWith(f.at("suite.yaml", "|output.includes(") + ": tests[0].assert[0].value: the JavaScript "
                        + "does not compile"));
    }

    @Test
    void codeWithVarSlotsIsCompiledOnlyWhenRendered() {
        SuiteFixture f = new SuiteFixture(temp);
        EvalSuite suite = loaded(f, suite("""
                - type: javascript
                  value: "output.includes('{{alert}}')"
                """, "", ""));
        assertThat(script(suite.tests().get(0).assertions().get(0)).code()).contains("{{alert}}");
    }

    @Test
    void withoutPythonASuiteThatUsesItDoesNotLoadAndSaysWhatToInstall() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("checks/severity.py", "def get_assert(output, context):\n    return True\n");
        SuiteLoadResult result = load(f, suite("""
                - type: python
                  value: "'P1' in output"
                - type: python
                  value: file://checks/severity.py
                """, "", ""), Optional.empty());
        assertThat(result.suite()).isEmpty();
        assertThat(SuiteFixture.lines(result)).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("Python code runs in a local Python 3, but no Python 3 was found")
                .contains("apt install python3"));
        assertThat(SuiteFixture.lines(result).get(0)).startsWith(f.at("suite.yaml", "|\"'P1' in output\""));
    }

    @Test
    void filesAreCheckedLikeEveryFileASuiteNames() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("checks/grade.ts", "export default () => true;\n");
        SuiteLoadResult result = load(f, suite("""
                - type: javascript
                  value: file://checks/missing.js
                - type: javascript
                  value: file://../outside.js
                - type: javascript
                  value: file://checks/grade.ts
                - type: javascript
                """, "", ""), Optional.empty());
        assertThat(SuiteFixture.lines(result)).hasSize(4).anySatisfy(l -> assertThat(l).contains("no such file"))
                .anySatisfy(l -> assertThat(l).contains("leaves the suite's folder"))
                .anySatisfy(l -> assertThat(l).contains("is TypeScript"))
                .anySatisfy(l -> assertThat(l).contains("javascript needs a value"));
    }

    @Test
    void configOnAnotherTypeIsIgnoredWithAWarning() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = load(f, suite("""
                - type: contains
                  value: disk
                  config: {strict: true}
                """, "", ""), Optional.empty());
        assertThat(result.suite()).isPresent();
        assertThat(SuiteFixture.lines(result)).singleElement().satisfies(line -> assertThat(line)
                .contains("only javascript and python assertions read a config; contains ignores it"));
    }

    @Test
    void aTestsTransformIsItsOwnElseTheDefaultTestsAndTransformBeatsPostprocess() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("transforms.js", "module.exports = (output) => output.trim();\n");
        f.write("transforms.py", "def get_transform(output, context):\n    return output.upper()\n");
        String text = """
                prompts: ["Triage: {{alert}}"]
                providers: [ollama:chat:tiny]
                defaultTest:
                  options:
                    transform: output.toLowerCase()
                tests:
                  - description: own
                    vars: {alert: a}
                    options:
                      transform: file://transforms.js
                  - description: default
                    vars: {alert: b}
                  - description: postprocess loses to the default's transform
                    vars: {alert: c}
                    options:
                      postprocess: output.toUpperCase()
                  - description: python file
                    vars: {alert: d}
                    options:
                      transform: file://transforms.py
                """;
        List<TestCase> tests = loaded(f, text).tests();
        assertThat(tests.get(0).transform().file()).isEqualTo("transforms.js");
        assertThat(tests.get(1).transform().code()).isEqualTo("output.toLowerCase()");
        assertThat(tests.get(2).transform().code()).isEqualTo("output.toLowerCase()");
        assertThat(tests.get(3).transform().language()).isEqualTo(Script.Language.PYTHON);

        List<TestCase> postprocessOnly = loaded(f, text.replace("    transform: output.toLowerCase()\n", "    {}\n"))
                .tests();
        assertThat(postprocessOnly.get(1).transform()).isNull();
        assertThat(postprocessOnly.get(2).transform().code()).isEqualTo("output.toUpperCase()");
    }

    @Test
    void aTransformThatDoesNotCompileIsAProblemAtItsValue() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = load(f, suite("", "transform: output.trim(", ""), Optional.empty());
        assertThat(SuiteFixture.lines(result)).singleElement().satisfies(line -> assertThat(line)
                .startsWith(f.at("suite.yaml", "|output.trim(") + ": defaultTest.options.transform: the JavaScript "
                        + "does not compile"));
    }
}
