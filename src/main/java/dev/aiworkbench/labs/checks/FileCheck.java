package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code file} check: the path (relative to the workspace) exists and, when a pattern is given, is a file whose
 * text (UTF-8, its first 8 MB) matches the regular expression somewhere; {@code ^} and {@code $} match at line
 * breaks.
 */
final class FileCheck implements Check<CheckSpec.File> {
    static final int READ_LIMIT = 8 * 1024 * 1024;

    @Override
    public Outcome evaluate(CheckSpec.File spec, CheckContext context, Deadline deadline) {
        Path file;
        try {
            file = Workspaces.resolve(context, spec.path(), "path");
        } catch (Workspaces.Refused refused) {
            return refused.outcome;
        }
        String shown = "'" + spec.path() + "'";
        if (!Files.exists(file)) {
            return Outcome.fail("Expected the file " + shown + " in your workspace (" + context.workspace()
                    + "), but it is not there", "Create it as the step describes, then run the check again.");
        }
        if (spec.containsPattern() == null || spec.containsPattern().isEmpty()) {
            return Outcome.pass("The " + (Files.isDirectory(file) ? "folder " : "file ") + shown + " is in your workspace");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(spec.containsPattern(), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            return Outcome.error("The check's pattern /" + spec.containsPattern() + "/ is not a valid regular expression ("
                    + e.getDescription() + ")", "This is a mistake in the lab: correct the pattern in lab.yaml.");
        }
        if (!Files.isRegularFile(file)) {
            return Outcome.fail("Expected " + shown + " to be a file, but it is a folder",
                    "Put the file at that path, then run the check again.");
        }
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readNBytes(READ_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Outcome.error("The file " + shown + " cannot be read (" + e.getMessage() + ")",
                    "Check its permissions, then run the check again.");
        }
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Outcome.fail("Expected the file " + shown + " to match /" + spec.containsPattern() + "/, but it does "
                            + "not" + (text.isBlank() ? " (it is empty)" : ""),
                    "Complete the file as the step describes, then run the check again.");
        }
        return Outcome.pass("The file " + shown + " matches /" + spec.containsPattern() + "/ (\""
                + Text.snippet(matcher.group(), 80) + "\")");
    }
}
