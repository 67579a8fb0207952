package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.eval.scripts.JsSandbox;
import dev.aiworkbench.eval.scripts.PythonCommand;
import dev.aiworkbench.eval.scripts.Script;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the code of javascript and python assertions and of test transforms: inline code, or a {@code file://}
 * path (with an optional {@code :function}) whose file is read here, inside the suite's folder as every file a suite
 * names, so the code itself never touches the file system. JavaScript is compiled now, so a syntax error or syntax
 * the embedded engine lacks is a problem at its file, line and column before anything runs; Python needs a local
 * Python 3, so without one a suite that uses it does not load.
 */
final class ScriptReader {
    private final Problems problems;
    private final SuiteFiles files;
    private final Supplier<Optional<String>> python;
    private Optional<String> pythonFound;

    ScriptReader(Problems problems, SuiteFiles files, Supplier<Optional<String>> python) {
        this.problems = problems;
        this.files = files;
        this.python = python;
    }

    /**
     * The script a value names; null after reporting a problem.
     *
     * @param language the language of inline code (and of a file whose extension names none, whose text promptfoo
     *                 reads as inline code)
     * @param what     what the code is for, to start messages, e.g. {@code tests[0].assert[1].value}
     */
    Script read(String written, Script.Language language, SourcePosition at, String what) {
        String prefix = Checks.prefix(what);
        if (!written.startsWith(SuiteFiles.FILE_SCHEME)) {
            if (written.isBlank()) {
                problems.error(at, prefix + "the code is empty");
                return null;
            }
            Script inline = Script.inline(language, written);
            return checked(inline, at, prefix) ? inline : null;
        }
        String reference = SuiteFiles.withoutScheme(written).strip();
        String function = null;
        int colon = reference.indexOf(':');
        if (colon >= 0) {
            // promptfoo splits at the first colon: file://checks.js:grade
            function = reference.substring(colon + 1);
            reference = reference.substring(0, colon);
            if (function.isBlank()) {
                problems.error(at, prefix + "'" + written + "' names no function after the colon");
                return null;
            }
        }
        Script.Language fileLanguage = Script.Language.ofFile(reference);
        String lower = reference.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".ts") || lower.endsWith(".cts") || lower.endsWith(".mts")) {
            problems.error(at, prefix + "'" + written + "' is TypeScript, which is not compiled here; write it as "
                    + "JavaScript (.js)");
            return null;
        }
        String code;
        Path file;
        try {
            file = files.resolve(reference, at, what);
            code = files.read(file, reference, at, what);
        } catch (ProblemException e) {
            problems.add(e.problem());
            return null;
        }
        if (fileLanguage == null) {
            // promptfoo reads another kind of file as the code itself
            Script inline = Script.inline(language, code);
            return checked(inline, at, prefix) ? inline : null;
        }
        Script script = Script.file(fileLanguage, code, reference, file.getParent().toString(), function);
        if (fileLanguage == Script.Language.JAVASCRIPT) {
            Optional<JsSandbox.SyntaxProblem> problem = JsSandbox.check(script);
            if (problem.isPresent()) {
                JsSandbox.SyntaxProblem p = problem.get();
                problems.error(new SourcePosition(files.display(file), p.line(), p.column()), p.message()
                        + JAVASCRIPT_LIMITS);
                return null;
            }
            return script;
        }
        return checked(script, at, prefix) ? script : null;
    }

    /** What to say beside a syntax error: the engine may lack the syntax rather than the code be wrong. */
    static final String JAVASCRIPT_LIMITS = " (the embedded engine, Rhino, reads ES2015 and much of what came "
            + "later, but not classes, async functions, object spread or rest parameters)";

    private boolean checked(Script script, SourcePosition at, String prefix) {
        if (script.language() == Script.Language.PYTHON) {
            if (pythonFound == null) {
                pythonFound = python.get();
            }
            if (pythonFound.isEmpty()) {
                problems.error(at, prefix + "Python code runs in a local Python 3, but " + PythonCommand.MISSING);
                return false;
            }
            return true;
        }
        if (script.code().contains("{{")) {
            return true; // its {{var}} slots are filled per case, so it compiles only then
        }
        Optional<JsSandbox.SyntaxProblem> problem = JsSandbox.check(script);
        problem.ifPresent(p -> problems.error(at, prefix + "the JavaScript does not compile: " + p.message()
                + (script.code().contains("\n") ? " (line " + p.line() + " of the code)" : "") + JAVASCRIPT_LIMITS));
        return problem.isEmpty();
    }
}
