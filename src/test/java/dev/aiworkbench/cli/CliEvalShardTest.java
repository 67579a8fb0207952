package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.Shard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workbench eval run <suite> --shard K/N}: parts that cover the suite exactly, keep their items when the file is
 * reordered or grows, and run in parallel on one folder.
 */
class CliEvalShardTest {
    private static final int ITEMS = 22;

    @TempDir
    Path temp;

    private EvalHarness h;
    private CliHarness cli;
    private Path suite;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        suite = h.writeSuite(ITEMS, 4);
        cli = new CliHarness(h.data);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CliHarness.Run eval(String... args) {
        List<String> all = new ArrayList<>(List.of("eval"));
        all.addAll(List.of(args));
        all.addAll(List.of("--ollama-url", h.fake.baseUrl()));
        return cli.run(all.toArray(String[]::new));
    }

    /** Item number (1-based, as the fixture's items are named) to the run ids whose cases hold it. */
    private Map<Integer, List<String>> storedItems() throws Exception {
        Map<Integer, List<String>> byItem = new HashMap<>();
        try (Connection c = EvalHarness.readOnly(h.databaseFile()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, vars FROM eval_case")) {
            while (r.next()) {
                JsonNode vars = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getString("vars"));
                byItem.computeIfAbsent(vars.path("n").asInt(), k -> new ArrayList<>()).add(r.getString("run_id"));
            }
        }
        return byItem;
    }

    /** The fixture's item numbers whose stable keys hash to shard {@code k} of {@code n}. */
    private List<Integer> itemsOfShard(int k, int n) {
        return h.load(suite).tests().stream().filter(t -> Shard.numberOf(t.key(), n) == k)
                .map(t -> Integer.parseInt(t.vars().get("n"))).toList();
    }

    @Test
    void fourShardsRunEachItemOnceAndEachShardHoldsTheItemsItsKeysHashTo() throws Exception {
        for (int k = 1; k <= 4; k++) {
            int requestsBefore = h.requestedItems().size();
            CliHarness.Run run = eval("run", suite.toString(), "--shard", k + "/4");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<Integer> expected = itemsOfShard(k, 4);
            assertThat(expected).isNotEmpty();
            assertThat(run.err()).contains(", shard " + k + "/4, " + expected.size() + " cases");
            assertThat(run.out()).contains(expected.size() + " passed, 0 failed");
            List<Integer> requested = h.requestedItems();
            assertThat(requested.subList(requestsBefore, requested.size())).containsExactlyInAnyOrderElementsOf(expected);
        }

        assertThat(h.requestedItems()).hasSize(ITEMS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ITEMS).boxed().toList());
        Map<Integer, List<String>> stored = storedItems();
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ITEMS).boxed().toList());
        assertThat(stored.values()).allMatch(runs -> runs.size() == 1);
        JsonNode runs = eval("runs", "--json").json();
        assertThat(runs).hasSize(4);
        List<String> shards = new ArrayList<>();
        runs.forEach(run -> shards.add(run.path("shard").asText()));
        assertThat(shards).containsExactlyInAnyOrder("1/4", "2/4", "3/4", "4/4");
    }

    @Test
    void aReorderedFileWithANewItemKeepsEveryOtherItemInItsShard() {
        Map<Integer, List<Integer>> before = new HashMap<>();
        for (int k = 1; k <= 3; k++) {
            before.put(k, itemsOfShard(k, 3));
        }
        List<String> rows = new ArrayList<>(IntStream.rangeClosed(1, ITEMS + 1).mapToObj(i -> "item " + i + "," + i)
                .toList());
        java.util.Collections.reverse(rows);
        h.write(EvalHarness.ITEMS, "__description,n\n" + String.join("\n", rows) + "\n");

        for (int k = 1; k <= 3; k++) {
            int requestsBefore = h.requestedItems().size();
            CliHarness.Run run = eval("run", suite.toString(), "--shard", k + "/3");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<Integer> requested = h.requestedItems();
            List<Integer> ran = new ArrayList<>(requested.subList(requestsBefore, requested.size()));
            ran.remove(Integer.valueOf(ITEMS + 1));
            assertThat(ran).as("shard %d/3 after reordering and adding an item", k)
                    .containsExactlyInAnyOrderElementsOf(before.get(k));
        }
        assertThat(h.requestedItems()).hasSize(ITEMS + 1).doesNotHaveDuplicates();
    }

    @Test
    void aShardIsComparedWithTheSameShardOfAnEarlierRunAndListedAsAShard() {
        CliHarness.Run first = eval("run", suite.toString(), "--shard", "2/3", "--gate");
        CliHarness.Run whole = eval("run", suite.toString(), "--gate");
        CliHarness.Run second = eval("run", suite.toString(), "--shard", "2/3", "--gate");

        assertThat(first.out()).contains("gate pass: no baseline to compare with");
        assertThat(whole.out()).contains("gate pass: no baseline to compare with");
        String firstId = first.out().lines().findFirst().orElseThrow().split(" ")[0];
        assertThat(second.out()).contains("against " + firstId);
        CliHarness.Run list = eval("runs", "--suite", suite.toString());
        assertThat(list.out().lines().filter(l -> l.endsWith(" · shard 2/3"))).hasSize(2);
        CliHarness.Run history = eval("history", suite.toString());
        assertThat(history.out()).contains(suite.toAbsolutePath().normalize() + "#shard-2-of-3");
    }

    @Test
    void aShardOutOfRangeIsBadInputWithASentence() {
        CliHarness.Run run = eval("run", suite.toString(), "--shard", "5/4");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("A shard is K/N with 1 ≤ K ≤ N (for example 2/4), not 5/4.");
        assertThat(h.requestedItems()).isEmpty();
    }

    @Test
    void fourShardProcessesInParallelOnOneFreshFolderAllSucceed() throws Exception {
        assertThat(h.data.resolve("workbench.db")).doesNotExist();
        List<Process> processes = new ArrayList<>();
        List<CompletableFuture<String>> outputs = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            Process process = new ProcessBuilder(ChildWorkbench.command(h.data, "eval", "run", suite.toString(),
                    "--shard", k + "/4", "--concurrency", "4", "--ollama-url", h.fake.baseUrl()))
                    .redirectErrorStream(true).start();
            processes.add(process);
            outputs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(processes.get(i).exitValue()).as(outputs.get(i).get()).isZero();
        }

        Map<Integer, List<String>> stored = storedItems();
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ITEMS).boxed().toList());
        assertThat(stored.values()).allMatch(runs -> runs.size() == 1);
        JsonNode runs = eval("runs", "--json").json();
        assertThat(runs).hasSize(4);
        runs.forEach(run -> assertThat(run.path("state").asText()).isEqualTo("finished"));
    }
}
