package dev.aiworkbench.labs.services;

import java.nio.file.Path;
import java.util.List;

/**
 * What preparing a lab's workspace did.
 *
 * @param copied files written now (forward-slash names relative to the workspace)
 * @param kept   files the stub or starter has that were already in the workspace and were left as they are
 * @param notes  anything else worth saying: a missing stub or starter, a link that was not copied
 */
public record WorkspaceReport(Path workspace, List<String> copied, List<String> kept, List<String> notes) {
    public WorkspaceReport {
        copied = List.copyOf(copied);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
    }

    /** One paragraph: what was copied, what was kept and why. */
    public String sentence() {
        StringBuilder text = new StringBuilder();
        if (copied.isEmpty() && kept.isEmpty()) {
            text.append("The workspace ").append(workspace).append(" is ready; the lab has no files to copy into it.");
        } else if (copied.isEmpty()) {
            text.append("The workspace ").append(workspace).append(" already has every file of the lab.");
        } else {
            text.append("Copied ").append(count(copied.size())).append(" into ").append(workspace).append('.');
        }
        if (!kept.isEmpty()) {
            text.append(" Kept ").append(kept.size() == 1 ? "1 file" : kept.size() + " files")
                    .append(" you already had, unchanged: ").append(list(kept)).append('.');
        }
        for (String note : notes) {
            text.append(' ').append(note);
        }
        return text.toString();
    }

    private static String count(int n) {
        return n == 1 ? "1 file" : n + " files";
    }

    private static String list(List<String> names) {
        int shown = Math.min(names.size(), 8);
        String text = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? text + " and " + (names.size() - shown) + " more" : text;
    }
}
