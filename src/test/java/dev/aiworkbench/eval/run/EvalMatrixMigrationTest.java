package dev.aiworkbench.eval.run;

import dev.aiworkbench.store.Database;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V16 (a matrix as one run with cells) keeps the runs stored before it readable: a matrix's cells written
 * as runs of their own (schema 15) read as runs of one cell with their cases, and stay the baselines of their cells.
 */
class EvalMatrixMigrationTest {
    @TempDir
    Path temp;

    @Test
    void cellsStoredAsRunsOfTheirOwnStayReadableAndRemainTheirCellsBaselines() throws Exception {
        Path file = temp.resolve("old.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("15").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String cell : List.of("plain", "polite")) {
                s.executeUpdate("INSERT INTO eval_run (id, suite_key, suite_file, description, prompt_label, provider_id, "
                        + "model, prompt_hash, dataset_hash, assertions_hash, options_hash, repeat, total_cases, state, "
                        + "started_at, finished_at, gate_decision, pass_rate, pass_rate_low, pass_rate_high, items) VALUES "
                        + "('run-old-" + cell + "', '/s.yaml#" + cell + "@ollama:chat:tiny', '/s.yaml', 'matrix', '"
                        + cell + "', 'ollama:chat:tiny', 'tiny', 'p', 'd', 'a', 'o', 1, 1, 'finished', "
                        + "'2026-11-01T10:00:00.000Z', '2026-11-01T10:01:00.000Z', 'pass', 1.0, 0.2, 1.0, 1)");
                s.executeUpdate("INSERT INTO eval_case (run_id, item_key, repeat_index, vars, prompt, output, pass, score, "
                        + "assertions, attempts, finished_at) VALUES ('run-old-" + cell + "', 'item-1', 0, '{\"x\":\"a\"}', "
                        + "'Say a', 'Hello world', 1, 1.0, '[]', 1, '2026-11-01T10:00:30.000Z')");
            }
        }

        try (Database migrated = Database.open(file)) {
            EvalStore store = new EvalStore(migrated);
            List<EvalRun> runs = store.runs(null, 10);
            assertThat(runs).extracting(EvalRun::id).containsExactlyInAnyOrder("run-old-plain", "run-old-polite");
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.matrixRunId()).isEmpty();
                assertThat(store.cells(run.id())).isEmpty();
                assertThat(store.cases(run.id())).singleElement()
                        .satisfies(c -> assertThat(c.output()).isEqualTo("Hello world"));
            });
            assertThat(store.lastPassed("/s.yaml#plain@ollama:chat:tiny", "a", "run-new/1")).get()
                    .extracting(EvalRun::id).isEqualTo("run-old-plain");
            assertThat(store.suiteKeys()).containsExactlyInAnyOrder("/s.yaml#plain@ollama:chat:tiny",
                    "/s.yaml#polite@ollama:chat:tiny");
        }
    }
}
