package dev.aiworkbench.ui.labs;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.labs.LabStore;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.labs.checks.CheckEngine;
import dev.aiworkbench.labs.checks.EvalSuiteRunner;
import dev.aiworkbench.labs.definition.LabCatalog;
import dev.aiworkbench.labs.services.LabServices;
import dev.aiworkbench.labs.services.LabServicesSettings;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.TestPacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static dev.aiworkbench.testing.PackFiles.write;

/**
 * The real labs service over a temporary data folder, with a catalog of two labs whose checks read files only (no
 * service, no Docker, no Python): {@code practice} (two steps, a starter, a reference solution, and it marks a
 * task of the default pack done) and {@code later-practice} (week 9, one step).
 */
final class PracticeLabs implements AutoCloseable {
    static final String LAB = "practice";
    static final String MARKED_TASK = "w03-gateway-skeleton";
    static final String NOTES_HINT = "Write notes.md and say which vector database the lab uses.";

    private static final String PRACTICE = """
            id: practice
            title: Practice with files
            summary: Write your notes and an answer in the workspace.
            weeks: [3]
            marks: [w03-gateway-skeleton]
            workspace:
              starter: starter
              solution: solution
            services: []
            steps:
              - id: notes
                title: Write your notes
                guide: steps/01-notes.md
                checks:
                  - id: notes-written
                    type: file
                    title: notes.md names the vector database
                    path: notes.md
                    contains: "(?i)qdrant"
                    hint: Write notes.md and say which vector database the lab uses.
              - id: answer
                title: Write the answer
                guide: steps/02-answer.md
                checks:
                  - id: answer-written
                    type: file
                    title: answer.txt exists
                    path: answer.txt
                    hint: Create answer.txt with your answer.
            """;

    private static final String LATER = """
            id: later-practice
            title: More practice
            summary: One more file.
            weeks: [9]
            services: []
            steps:
              - id: only
                title: The only step
                checks:
                  - id: later-file
                    type: file
                    path: later.txt
            """;

    final Path data;
    final Database database;
    final LabServices services;
    final CheckEngine engine = new CheckEngine();
    final ProgressService progress;
    final Labs labs;
    final Pack pack = TestPacks.defaultPack();

    PracticeLabs(Path temp) {
        Path catalog = temp.resolve("catalog");
        Path lab = catalog.resolve("labs").resolve(LAB);
        write(lab.resolve("lab.yaml"), PRACTICE);
        write(lab.resolve("steps/01-notes.md"), "# Notes\n\nWrite `notes.md`.\n");
        write(lab.resolve("steps/02-answer.md"), "# Answer\n\nWrite `answer.txt`.\n");
        write(lab.resolve("starter/notes.md"), "TODO: my notes\n");
        write(lab.resolve("solution/notes.md"), "The lab stores its vectors in Qdrant.\n");
        write(lab.resolve("solution/answer.txt"), "42\n");
        write(catalog.resolve("labs/later-practice/lab.yaml"), LATER);
        data = temp.resolve("data");
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = Database.open(data.resolve("workbench.db"));
        services = new LabServices(LabServicesSettings.defaults(data, () -> {
            throw new IllegalStateException("no model server in this test");
        }));
        Clock clock = Clock.systemUTC();
        progress = new ProgressService(database, clock);
        labs = new Labs(LabCatalog.load(catalog, Optional.of(pack)), services, engine, new LabStore(database),
                progress, Optional.of(pack), services.settings().appOllama(),
                EvalSuiteRunner.UNAVAILABLE, clock);
    }

    Path workspace() {
        return services.workspace(LAB);
    }

    @Override
    public void close() {
        services.close();
        engine.close();
        database.close();
    }
}
