package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.YamlDocument;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A week file split into its YAML front matter and its Markdown guide. */
public record WeekFile(YamlDocument frontMatter, String guide) {
    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A---[ \\t]*\\r?\\n(.*?)\\r?\\n---[ \\t]*(?:\\r?\\n|\\z)(.*)\\z", Pattern.DOTALL);

    public static WeekFile parse(String file, String text) throws ProblemException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher matcher = FRONT_MATTER.matcher(body);
        if (!matcher.matches()) {
            throw new ProblemException(Problem.error(SourcePosition.startOf(file),
                    "no front matter: a week file starts with a line '---', then its YAML fields, then another '---'")
                    .withRule("front-matter"));
        }
        return new WeekFile(YamlDocument.parse(file, matcher.group(1), 1), matcher.group(2));
    }

    public String file() {
        return frontMatter.file();
    }
}
