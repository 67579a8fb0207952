package dev.aiworkbench.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.Nodes;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackDocuments;
import dev.aiworkbench.curriculum.WeekFile;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.labs.definition.LabCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labs a pack uses, checked by the labs' own loader (every check names a service the lab declares, files it
 * names exist; for a lab the pack ships, tasks it marks are the pack's). A lab in the pack's labs/ folder wins over
 * the app's lab of that id.
 */
final class PackLabs {
    private PackLabs() {
    }

    /** The ids pack.yaml lists and the weeks and their tasks use. */
    static Set<String> used(PackDocuments documents) {
        Set<String> ids = new TreeSet<>();
        if (documents.manifest() != null) {
            ids.addAll(Nodes.texts(documents.manifest().root(), "labs"));
        }
        for (WeekFile week : documents.weeks()) {
            JsonNode root = week.frontMatter().root();
            ids.addAll(Nodes.texts(root, "labs"));
            Nodes.objects(root, "tasks").stream().map(t -> Nodes.text(t, "lab")).filter(id -> id != null)
                    .forEach(ids::add);
        }
        return ids;
    }

    static List<Problem> check(Path folderOrZip, Set<String> used, Optional<Pack> pack) {
        LabCatalog own = LabCatalog.load(folderOrZip, pack);
        // The app's labs name the default pack's weeks and tasks to mark; in another pack those links simply do not
        // apply (nothing is marked), so they are checked for themselves, not against this pack.
        LabCatalog app = LabCatalog.bundled(Optional.empty());
        List<Problem> problems = new ArrayList<>(own.problems());
        for (String id : used) {
            own.result(id).or(() -> app.result(id)).ifPresent(lab -> problems.addAll(lab.problems()));
        }
        return problems;
    }
}
