package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.prompts.PromptContent;
import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Suites on disk for tests: files in a folder, loading, and where a problem should point. */
final class SuiteFixture {
    final Path folder;
    private final PromptResolver prompts;

    SuiteFixture(Path folder) {
        this(folder, PromptResolver.none());
    }

    SuiteFixture(Path folder, PromptResolver prompts) {
        this.folder = folder;
        this.prompts = prompts;
    }

    /** A resolver over fixed prompts, keyed {@code name@version}; the newest version answers a bare name. */
    static PromptResolver registry(Map<String, String> templates) {
        return ref -> {
            String wanted = ref.isLatest() ? templates.keySet().stream().filter(k -> k.startsWith(ref.name() + "@"))
                    .max(String::compareTo).orElse(ref.name() + "@0") : ref.toString();
            String template = templates.get(wanted);
            if (template == null) {
                throw new IllegalArgumentException("there is no prompt " + ref);
            }
            PromptRef found = PromptRef.parse(wanted);
            return new PromptVersion(found.name(), found.version(), Instant.EPOCH, "tester", "",
                    PromptContent.of(template));
        };
    }

    Path write(String name, String text) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    SuiteLoadResult load(String name) {
        return new SuiteLoader(prompts).load(folder.resolve(name));
    }

    SuiteLoadResult load(String name, String text) {
        write(name, text);
        return load(name);
    }

    /** The suite, failing with every problem when there is an error. */
    EvalSuite suite(String name, String text) {
        SuiteLoadResult result = load(name, text);
        if (result.suite().isEmpty()) {
            throw new AssertionError("expected a suite, got:\n" + String.join("\n", lines(result)));
        }
        return result.suite().get();
    }

    static List<String> lines(SuiteLoadResult result) {
        return result.problems().stream().map(Problem::toString).toList();
    }

    /** The name problems give a file of the fixture. */
    String name(String relative) {
        return folder.toString().replace('\\', '/') + "/" + relative;
    }

    /**
     * Where a problem about some text should point, as {@code file:line:col}. The needle must occur
     * exactly once in the file; a {@code |} in it marks the column (else the needle's first character).
     */
    String at(String relative, String needle) {
        int marker = Math.max(0, needle.indexOf('|'));
        String search = needle.replace("|", "");
        String text;
        try {
            text = Files.readString(folder.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = text.indexOf(search);
        if (index < 0 || text.indexOf(search, index + 1) >= 0) {
            throw new AssertionError("expected exactly one '" + search + "' in " + relative);
        }
        String before = text.substring(0, index + marker);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
        return name(relative) + ":" + line + ":" + column;
    }
}
