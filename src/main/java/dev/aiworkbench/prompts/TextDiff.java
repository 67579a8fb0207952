package dev.aiworkbench.prompts;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts: every line of both, tagged, for a side-by-side or inline view, and the
 * same change as unified-diff text (what {@code diff -u} and code review tools show).
 *
 * @param unified empty when the texts are equal
 */
public record TextDiff(List<DiffLine> lines, String unified) {
    private static final int CONTEXT_LINES = 3;

    public TextDiff {
        lines = List.copyOf(lines);
    }

    /**
     * @param oldLabel names the old text in the unified header, e.g. {@code summarise@1/template}
     */
    public static TextDiff compare(String oldText, String newText, String oldLabel, String newLabel) {
        List<String> before = oldText.lines().toList();
        List<String> after = newText.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        List<DiffLine> lines = new ArrayList<>(Math.max(before.size(), after.size()));
        int oldAt = 0;
        int newAt = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            // the lines between changes are the same in both texts
            while (oldAt < delta.getSource().getPosition()) {
                lines.add(new DiffLine(DiffLine.Kind.UNCHANGED, oldAt + 1, newAt + 1, before.get(oldAt)));
                oldAt++;
                newAt++;
            }
            for (String line : delta.getSource().getLines()) {
                lines.add(new DiffLine(DiffLine.Kind.REMOVED, ++oldAt, null, line));
            }
            for (String line : delta.getTarget().getLines()) {
                lines.add(new DiffLine(DiffLine.Kind.ADDED, null, ++newAt, line));
            }
        }
        while (oldAt < before.size()) {
            lines.add(new DiffLine(DiffLine.Kind.UNCHANGED, oldAt + 1, newAt + 1, before.get(oldAt)));
            oldAt++;
            newAt++;
        }
        String unified = patch.getDeltas().isEmpty() ? ""
                : String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(oldLabel, newLabel, before, patch,
                CONTEXT_LINES)) + "\n";
        return new TextDiff(lines, unified);
    }

    public boolean changed() {
        return lines.stream().anyMatch(l -> l.kind() != DiffLine.Kind.UNCHANGED);
    }

    public long added() {
        return lines.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED).count();
    }

    public long removed() {
        return lines.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED).count();
    }
}
