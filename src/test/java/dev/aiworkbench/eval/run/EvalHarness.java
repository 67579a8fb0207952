package dev.aiworkbench.eval.run;

import dev.aiworkbench.app.DataFolderException;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Eval runs for tests, end to end: suite files in a folder, a fake Ollama whose answers each test
 * scripts per item, and (when asked for) a real workbench over a data folder, with the real gateway
 * and SQLite.
 *
 * <p>The standard suite asks the model {@code "Answer for item <n>"} for items 1..N (from a CSV) and
 * passes an item when the answer contains "pass"; the fake answers {@code "pass for item <n>"} unless
 * the test scripts otherwise with {@link #answer}.
 */
public final class EvalHarness implements AutoCloseable {
    public static final String MODEL = "tiny";
    public static final String SUITE = "suite.yaml";
    public static final String ITEMS = "items.csv";
    private static final Pattern ITEM = Pattern.compile("item (\\d+)");

    public final Path folder;
    public final Path data;
    public final FakeOllama fake;
    private final Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile BiFunction<Integer, Integer, String> verdict = (item, call) -> "pass";
    private volatile Runnable onRequest = () -> { };
    private Workbench workbench;

    /** @param folder where the suite files and the data folder go (a @TempDir) */
    public EvalHarness(Path folder) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.fake = FakeOllama.start();
        fake.model(MODEL).answerWith(this::respond);
    }

    /** The standard suite text: items from {@value #ITEMS}, an icontains "pass" assertion, temperature 0. */
    public static String suiteYaml(int concurrency) {
        return """
                description: Runner fixture
                prompts: "Answer for item {{n}}"
                providers:
                  - id: ollama:chat:tiny
                    config:
                      temperature: 0
                defaultTest:
                  assert:
                    - type: icontains
                      value: pass
                tests: file://items.csv
                evaluateOptions:
                  maxConcurrency: %d
                """.formatted(concurrency);
    }

    /** Writes {@value #ITEMS} with items 1..count and the standard suite; returns the suite file. */
    public Path writeSuite(int items, int concurrency) {
        writeItems(items);
        return write(SUITE, suiteYaml(concurrency));
    }

    public Path writeItems(int count) {
        return write(ITEMS, "__description,n\n" + IntStream.rangeClosed(1, count)
                .mapToObj(i -> "item " + i + "," + i).collect(Collectors.joining("\n")) + "\n");
    }

    public Path write(String name, String text) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Scripts the answers: {@code (item, call) -> "pass" | "fail" | anything}, where call counts this
     * item's requests from 0 (retries and repeats included). The answer is streamed as several chunks.
     */
    public EvalHarness answer(BiFunction<Integer, Integer, String> verdict) {
        this.verdict = verdict;
        return this;
    }

    /** Every item passes except these. */
    public EvalHarness failing(int... items) {
        java.util.Set<Integer> failing = java.util.Arrays.stream(items).boxed().collect(Collectors.toSet());
        return answer((item, call) -> failing.contains(item) ? "fail" : "pass");
    }

    /** Runs on the fake's thread as each chat request arrives, before it is answered. */
    public EvalHarness onRequest(Runnable hook) {
        this.onRequest = hook;
        return this;
    }

    private List<String> respond(FakeOllamaRequest request) {
        onRequest.run();
        int item = itemOf(request);
        int call = calls.computeIfAbsent(item, k -> new AtomicInteger()).getAndIncrement();
        return List.of(verdict.apply(item, call), " for", " item ", String.valueOf(item));
    }

    /** The item a chat request asked about (from its last message), or -1. */
    public static int itemOf(FakeOllamaRequest request) {
        var messages = request.json().path("messages");
        String text = messages.isEmpty() ? request.json().path("prompt").asText()
                : messages.get(messages.size() - 1).path("content").asText();
        Matcher m = ITEM.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The items asked about in the chat requests received so far, in order. */
    public List<Integer> requestedItems() {
        return fake.requests("/api/chat").stream().map(EvalHarness::itemOf).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the workbench

    /** A workbench over {@link #data}, talking to the fake; opened on first use. */
    public synchronized Workbench workbench() {
        if (workbench == null) {
            try {
                workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                        Optional.of(fake.baseUrl())), Clock.systemUTC());
            } catch (DataFolderException e) {
                throw new IllegalStateException(e);
            }
        }
        return workbench;
    }

    public EvalSuite load(Path suiteFile) {
        SuiteLoadResult result = workbench().suiteLoader().load(suiteFile);
        if (result.suite().isEmpty()) {
            throw new AssertionError("the suite has problems:\n" + result.problems().stream().map(Problem::toString)
                    .collect(Collectors.joining("\n")));
        }
        return result.suite().get();
    }

    public EvalSuite load() {
        return load(folder.resolve(SUITE));
    }

    public static EvalOptions options(int concurrency, int repeat) {
        return new EvalOptions(concurrency, repeat, EvalOptions.DEFAULT_RETRIES, Duration.ofSeconds(30), Optional.empty());
    }

    public static EvalOptions resume(String runId, int concurrency) {
        return new EvalOptions(concurrency, 1, EvalOptions.DEFAULT_RETRIES, Duration.ofSeconds(30), Optional.of(runId));
    }

    public EvalExecution start(EvalSuite suite, EvalOptions options, EvalProgress progress) throws ModelServerException {
        return workbench().evalRunner().start(suite, Variant.all(suite).get(0), options, progress);
    }

    /** Runs the suite to its end and returns the stored run. */
    public EvalRun run(EvalSuite suite, EvalOptions options) throws Exception {
        return start(suite, options, EvalProgress.NONE).done().get(30, TimeUnit.SECONDS);
    }

    public EvalStore store() {
        return workbench().evals();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the database file, read beside the runner

    public Path databaseFile() {
        return data.resolve("workbench.db");
    }

    /** A read-only JDBC connection of its own to a workbench database file. */
    public static Connection readOnly(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        return config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
    }

    /** The stored cases of a run, as item key (and repeat) → finished_at, read over its own connection. */
    public static Map<String, Instant> storedCases(Connection connection, String runId) throws SQLException {
        Map<String, Instant> cases = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT item_key, repeat_index, finished_at FROM eval_case WHERE run_id = ? ORDER BY rowid")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    cases.put(r.getString(1) + "#" + r.getInt(2), Instant.parse(r.getString(3)));
                }
            }
        }
        return cases;
    }

    @Override
    public synchronized void close() {
        if (workbench != null) {
            workbench.close();
        }
        fake.close();
    }
}
