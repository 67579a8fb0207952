package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.YamlDocument;
import java.util.List;

/** The parsed files of a pack, before they become a model; each node still knows where it was written. */
public record PackDocuments(YamlDocument manifest, List<YamlDocument> phases, List<WeekFile> weeks,
                            List<String> labFolders, List<YamlDocument> assessments) {
}
