package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.eval.run.EvalHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workbench eval merge}: the shards' reports joined give the report of one run of the whole suite, item by item
 * and figure by figure (only run ids, times and durations differ), gate and exit code included; reports that are not
 * the shards of one run are refused with a sentence.
 */
class CliEvalMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_IDS = "(run-\\d{8}-\\d{6}-[0-9a-f]{4}|merged-[0-9a-f]{12})(, (run-\\d{8}-\\d{6}-[0-9a-f]{4}))*";
    private static final int ITEMS = 40;

    @TempDir
    Path temp;

    private EvalHarness h;
    private CliHarness cli;
    private Path suite;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        h.writeItems(ITEMS);
        suite = h.write(EvalHarness.SUITE, EvalHarness.suiteYaml(4)
                + "gate:\n  baseline: last-passed\n  maxDrop: 0.02\n  alpha: 0.05\n");
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

    private CliHarness.Run merge(String... args) {
        List<String> all = new ArrayList<>(List.of("eval", "merge"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private Path file(String name) {
        return temp.resolve(name);
    }

    /** Runs the suite in three shards, each writing its JSON report; returns the reports' paths. */
    private List<String> shards(String prefix, String... extra) {
        List<String> reports = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            String report = file(prefix + "-" + k + ".json").toString();
            List<String> args = new ArrayList<>(List.of("run", suite.toString(), "--shard", k + "/3", "-o", report));
            args.addAll(List.of(extra));
            CliHarness.Run run = eval(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            reports.add(report);
        }
        return reports;
    }

    private static JsonNode read(Path file) throws Exception {
        return JSON.readTree(Files.readString(file));
    }

    /** The report with what may differ between two runs of the same items masked: run ids, times and durations. */
    private static JsonNode masked(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.put("runId", "RUN");
        copy.put("startedAt", "T");
        copy.put("finishedAt", "T");
        copy.remove("mergedFrom");
        copy.withArray("cases").forEach(c -> ((ObjectNode) c).put("latencyMs", 0));
        if (copy.path("baseline").isObject()) {
            ((ObjectNode) copy.get("baseline")).put("runId", "RUN");
        }
        return copy;
    }

    private static String maskedText(String text) {
        return text.replaceAll(RUN_IDS, "RUN").replaceAll("(time|timestamp)=\"[^\"]*\"", "$1=\"\"");
    }

    @Test
    void threeShardsMergedGiveTheUnshardedReportFigureByFigureGateAndExitCodeIncluded() throws Exception {
        assertThat(eval("run", suite.toString()).exitCode()).isZero();
        shards("before");
        h.failing(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 23);

        CliHarness.Run whole = eval("run", suite.toString(), "--gate", "-o", file("whole.json").toString(),
                "--junit", file("whole.xml").toString(), "--md", file("whole.md").toString());
        List<String> reports = shards("after");
        List<String> args = new ArrayList<>(reports);
        args.addAll(List.of("--gate", "-o", file("merged.json").toString(), "--junit", file("merged.xml").toString(),
                "--md", file("merged.md").toString()));
        CliHarness.Run merged = merge(args.toArray(String[]::new));

        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(Cli.FAILED);
        assertThat(merged.exitCode()).as(merged.toString()).isEqualTo(Cli.FAILED);
        JsonNode expected = read(file("whole.json"));
        JsonNode actual = read(file("merged.json"));
        assertThat(expected.path("gate").path("decision").asText()).isEqualTo("block");
        assertThat(expected.path("baseline").path("b").asInt()).isEqualTo(12);
        assertThat(actual.path("cases")).hasSize(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            assertThat(masked(actual).path("cases").get(i)).as("item %d", i).isEqualTo(masked(expected).path("cases").get(i));
        }
        assertThat(masked(actual)).isEqualTo(masked(expected));
        assertThat(actual.path("mergedFrom")).hasSize(3);
        assertThat(maskedText(Files.readString(file("merged.xml")))).isEqualTo(maskedText(Files.readString(file("whole.xml"))));
        assertThat(maskedText(Files.readString(file("merged.md")))).isEqualTo(maskedText(Files.readString(file("whole.md"))));
        assertThat(maskedText(merged.out())).isEqualTo(maskedText(whole.out()));
    }

    @Test
    void repeatsAndFlakyItemsMergeAsOneRunWouldFoldThem() throws Exception {
        // Items divisible by 5 fail their second call of every three: flaky over three repeats.
        h.answer((item, call) -> item % 5 == 0 && call % 3 == 1 ? "fail" : "pass");

        CliHarness.Run whole = eval("run", suite.toString(), "--repeat", "3", "--concurrency", "1", "-o",
                file("whole.json").toString());
        List<String> reports = shards("repeat", "--repeat", "3", "--concurrency", "1");
        List<String> args = new ArrayList<>(reports);
        args.addAll(List.of("-o", file("merged.json").toString()));
        CliHarness.Run merged = merge(args.toArray(String[]::new));

        assertThat(whole.exitCode()).as(whole.toString()).isZero();
        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        JsonNode expected = read(file("whole.json"));
        assertThat(expected.path("flaky")).hasSize(ITEMS / 5);
        assertThat(masked(read(file("merged.json")))).isEqualTo(masked(expected));
    }

    @Test
    void aMissingShardIsRefusedUnlessAPartialMergeIsAskedFor() throws Exception {
        List<String> reports = shards("s");

        CliHarness.Run refused = merge(reports.get(0), reports.get(2));
        CliHarness.Run partial = merge(reports.get(0), reports.get(2), "--allow-partial", "-o",
                file("partial.json").toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(Cli.USAGE);
        assertThat(refused.err()).contains("Shard 2/3 is missing (given: 1/3, 3/3); merge the reports of all 3 shards, "
                + "or pass --allow-partial");
        assertThat(partial.exitCode()).as(partial.toString()).isZero();
        JsonNode report = read(file("partial.json"));
        int given = read(Path.of(reports.get(0))).path("cases").size() + read(Path.of(reports.get(2))).path("cases").size();
        assertThat(report.path("cases")).hasSize(given);
        assertThat(report.path("warnings").toString()).contains("leaves out shard 2/3 (missing)")
                .contains("cover the " + given + " items given");
    }

    @Test
    void reportsThatAreNotTheShardsOfOneRunAreRefusedWithASentence() throws Exception {
        List<String> reports = shards("s");
        CliHarness.Run wholeRun = eval("run", suite.toString(), "-o", file("whole.json").toString());
        assertThat(wholeRun.exitCode()).isZero();
        h.write(EvalHarness.SUITE, EvalHarness.suiteYaml(4).replace("Answer for item", "Reply for item")
                + "gate:\n  baseline: last-passed\n  maxDrop: 0.02\n  alpha: 0.05\n");
        List<String> otherPrompt = shards("other");
        ObjectNode overlapping = (ObjectNode) read(Path.of(reports.get(1)));
        ((ArrayNode) overlapping.get("cases")).add(read(Path.of(reports.get(0))).path("cases").get(0));
        Files.writeString(file("overlapping.json"), overlapping.toString());
        Files.writeString(file("broken.json"), "{\"runId\": ");

        assertRefused(merge(reports.get(0), otherPrompt.get(1), reports.get(2)), "are not shards of one run: their prompts differ");
        assertRefused(merge(reports.get(0), reports.get(0), reports.get(2)), "Shard 1/3 is given twice");
        assertRefused(merge(reports.get(0), file("overlapping.json").toString(), reports.get(2)),
                "the shards of one run never share an item");
        assertRefused(merge(reports.get(0), file("whole.json").toString()), "is a report of the whole suite, not of a shard");
        assertRefused(merge(file("broken.json").toString()), "is not JSON (line 1");
        assertRefused(merge(file("absent.json").toString()), "is not a file");
    }

    private static void assertRefused(CliHarness.Run run, String sentence) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains(sentence).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
