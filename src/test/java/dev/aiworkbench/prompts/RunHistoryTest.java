package dev.aiworkbench.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Keeping playground runs in a real SQLite file: finished, stopped and failed, listed and reopened. */
class RunHistoryTest {
    private final MutableClock clock = MutableClock.utc("2026-03-01T10:00:00");

    @TempDir
    Path temp;
    private Database database;
    private RunHistory history;
    private PriceTable prices;
    private PromptRegistry registry;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        history = new RunHistory(database, clock);
        prices = new PriceTable(database);
        registry = new PromptRegistry(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Usage usage(int promptTokens, int outputTokens, long evalNanos) {
        return new Usage(OptionalInt.of(promptTokens), OptionalInt.of(outputTokens), OptionalLong.of(3_000_000_000L),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(evalNanos));
    }

    private static RunSetup setup(String template, Map<String, String> variables) {
        return RunSetup.adHoc("llama3.2", template, "be brief", variables,
                new ModelOptions(0.3, null, null, 42, 128, null, List.of("END")), OutputFormat.JSON);
    }

    private static Map<String, String> vars(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    void aFinishedRunIsKeptWithEveryFigureAndReopensAsItWas() {
        RunSetup setup = setup("Explain {{topic}} to {{who}}", vars("topic", "SLOs", "who", "a new SRE"));
        GenerationResult result = new GenerationResult("{\"answer\":1}", "let me think", "llama3.2", "stop",
                usage(1_000, 500, 2_000_000_000L), Optional.of(Duration.ofMillis(84)), Duration.ofMillis(2_345));
        PriceRow gpt4o = prices.row("OpenAI GPT-4o");

        PlaygroundRun kept = history.record(setup, RunOutcome.of(result), gpt4o);

        assertThat(kept.figures()).isEqualTo(new RunFigures(84L, 2_345L, 1_000, 500, 250.0,
                (1_000 * 2.50 + 500 * 10.00) / 1_000_000, "OpenAI GPT-4o"));
        assertThat(kept.status()).isEqualTo(RunStatus.DONE);
        PlaygroundRun reopened = history.get(kept.id()).orElseThrow();
        assertThat(reopened).isEqualTo(kept);
        assertThat(reopened.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(reopened.setup().variables().keySet()).containsExactly("topic", "who");
        assertThat(reopened.setup().renderedPrompt()).isEqualTo("Explain SLOs to a new SRE");
        assertThat(reopened.thinking()).isEqualTo("let me think");
    }

    @Test
    void unknownCountsAndTimesStayUnknownNeverZero() {
        GenerationResult result = new GenerationResult("hi", null, "llama3.2", "stop", Usage.UNKNOWN,
                Optional.empty(), Duration.ofMillis(10));

        PlaygroundRun kept = history.record(setup("hi", Map.of()), RunOutcome.of(result), prices.row(PriceTable.LOCAL));

        RunFigures figures = history.get(kept.id()).orElseThrow().figures();
        assertThat(figures).isEqualTo(new RunFigures(null, 10L, null, null, null, null, PriceTable.LOCAL));
        assertThat(history.get(kept.id()).orElseThrow().thinking()).isNull();
    }

    @Test
    void aRunWithNoPriceChosenHasNoCost() {
        GenerationResult result = new GenerationResult("hi", "", "llama3.2", "stop", usage(10, 5, 1_000_000_000L),
                Optional.of(Duration.ofMillis(5)), Duration.ofMillis(10));

        PlaygroundRun kept = history.record(setup("hi", Map.of()), RunOutcome.of(result), null);

        assertThat(kept.figures().costUsd()).isNull();
        assertThat(kept.figures().priceName()).isNull();
        assertThat(kept.figures().tokensPerSecond()).isEqualTo(5.0);
    }

    @Test
    void aFailedRunKeepsThePartialAnswerAndTheError() {
        GenerationFailedException failure = new GenerationFailedException("The model server failed while answering: "
                + "out of memory. Try a smaller model.", "out of memory", "The first half of", null);

        PlaygroundRun kept = history.record(setup("hi", Map.of()),
                RunOutcome.failed(failure, "thinking so far", Duration.ofMillis(50), Duration.ofMillis(900)), null);

        PlaygroundRun reopened = history.get(kept.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(RunStatus.FAILED);
        assertThat(reopened.output()).isEqualTo("The first half of");
        assertThat(reopened.thinking()).isEqualTo("thinking so far");
        assertThat(reopened.error()).isEqualTo("The model server failed while answering: out of memory. "
                + "Try a smaller model.");
        assertThat(reopened.doneReason()).isNull();
        assertThat(reopened.figures()).isEqualTo(new RunFigures(50L, 900L, null, null, null, null, null));
    }

    @Test
    void aRunThatNeverReachedTheServerIsKeptWithNoOutput() {
        ModelServerException unreachable = new ModelServerException(ModelServerException.Kind.UNREACHABLE,
                "Nothing answers at http://127.0.0.1:11434. Start Ollama.", null, null);

        PlaygroundRun kept = history.record(setup("hi", Map.of()), RunOutcome.failed(unreachable, null, null, null), null);

        assertThat(history.get(kept.id()).orElseThrow())
                .extracting(PlaygroundRun::output, PlaygroundRun::error, PlaygroundRun::figures)
                .containsExactly("", "Nothing answers at http://127.0.0.1:11434. Start Ollama.", RunFigures.UNKNOWN);
    }

    @Test
    void aStoppedRunIsCancelledAndKeepsWhatArrived() {
        GenerationResult stopped = new GenerationResult("partial", null, "llama3.2", GenerationResult.CANCELLED,
                Usage.UNKNOWN, Optional.of(Duration.ofMillis(30)), Duration.ofMillis(120));

        PlaygroundRun kept = history.record(setup("hi", Map.of()), RunOutcome.of(stopped), null);

        assertThat(history.get(kept.id()).orElseThrow()).extracting(PlaygroundRun::status, PlaygroundRun::output,
                PlaygroundRun::error).containsExactly(RunStatus.CANCELLED, "partial", null);
        assertThat(history.recent(1).get(0).status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void recentRunsComeNewestFirstInStablePages() {
        for (int i = 1; i <= 7; i++) {
            history.record(setup("run " + i + " " + "x".repeat(200), Map.of()), RunOutcome.of(new GenerationResult(
                    "answer " + i, null, "llama3.2", "stop", Usage.UNKNOWN, Optional.empty(), Duration.ofMillis(i))), null);
            clock.advance(Duration.ofSeconds(1));
        }

        List<RunSummary> first = history.recent(3);
        assertThat(first).extracting(RunSummary::outputPreview).containsExactly("answer 7", "answer 6", "answer 5");
        assertThat(first.get(0).templatePreview()).hasSize(120).startsWith("run 7 xxx");
        assertThat(first).extracting(RunSummary::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // a run arriving between pages does not shift the next page
        history.record(setup("late", Map.of()), RunOutcome.of(new GenerationResult("late", null, "m", "stop",
                Usage.UNKNOWN, Optional.empty(), Duration.ZERO)), null);
        List<RunSummary> second = history.olderThan(first.get(2).id(), 3);
        assertThat(second).extracting(RunSummary::outputPreview).containsExactly("answer 4", "answer 3", "answer 2");
        assertThat(history.olderThan(second.get(2).id(), 3)).extracting(RunSummary::outputPreview)
                .containsExactly("answer 1");
        assertThat(history.recent(1).get(0).outputPreview()).isEqualTo("late");
        assertThat(history.recent(RunHistory.MAX_PAGE)).hasSize(8);
        assertThatThrownBy(() -> history.recent(0)).hasMessageContaining("a page holds 1 to");
    }

    @Test
    void aRunOfASavedVersionPointsAtThatVersion() {
        PromptVersion v1 = registry.save("summarise", new PromptContent("Sum {{text}}", "terse",
                new ModelOptions(0.1, null, null, null, null, null, null), OutputFormat.PLAIN, "qwen2.5"), "a", "")
                .version();
        registry.save("summarise", PromptContent.of("Summarise {{text}}"), "a", "");

        RunSetup setup = RunSetup.of(v1, null, vars("text", "logs"));
        PlaygroundRun kept = history.record(setup, RunOutcome.of(new GenerationResult("ok", null, "qwen2.5", "stop",
                Usage.UNKNOWN, Optional.empty(), Duration.ZERO)), null);

        PlaygroundRun reopened = history.get(kept.id()).orElseThrow();
        assertThat(reopened.setup().prompt()).isEqualTo(PromptRef.of("summarise", 1));
        assertThat(reopened.setup().model()).isEqualTo("qwen2.5");
        assertThat(reopened.setup().system()).isEqualTo("terse");
        assertThat(history.recent(1).get(0).prompt()).isEqualTo(PromptRef.of("summarise", 1));
    }

    @Test
    void aRunCannotNameAVersionTheRegistryDoesNotHave() {
        registry.save("p", PromptContent.of("x"), "a", "");
        RunSetup missing = new RunSetup(PromptRef.of("p", 2), "m", "x", "", Map.of(), null, null);

        assertThatThrownBy(() -> history.record(missing, RunOutcome.of(new GenerationResult("", null, "m", "stop",
                Usage.UNKNOWN, Optional.empty(), Duration.ZERO)), null)).isInstanceOf(UnknownPromptException.class)
                .hasMessageContaining("p@2");
        assertThat(history.recent(10)).isEmpty();
        assertThatThrownBy(() -> new RunSetup(PromptRef.latest("p"), "m", "x", "", Map.of(), null, null))
                .hasMessageContaining("exact prompt version");
    }

    @Test
    void theSetupBecomesAChatRequestWithTheRenderedTemplate() throws Exception {
        RunSetup setup = RunSetup.adHoc("llama3.2", "Explain {{topic}}", "be brief", vars("topic", "SLOs"),
                ModelOptions.DEFAULTS, new OutputFormat.JsonSchema(new ObjectMapper().readTree("{\"type\":\"object\"}")));

        GenerationRequest request = setup.toRequest();

        assertThat(request.mode()).isEqualTo(GenerationRequest.Mode.CHAT);
        assertThat(request.wireMessages()).containsExactly(new ChatMessage(ChatMessage.Role.SYSTEM, "be brief"),
                ChatMessage.user("Explain SLOs"));
        assertThat(request.format()).isEqualTo(setup.format());
        assertThat(setup.withModel("qwen2.5").toRequest().model()).isEqualTo("qwen2.5");
        assertThatThrownBy(() -> RunSetup.adHoc("m", "{{a}}", "", vars("b", "1"), null, null).toRequest())
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.unknown()).containsExactly("b"));
        assertThat(RunSetup.adHoc("m", "x", "", Map.of(), null, null).toRequest().wireMessages()).hasSize(1);
    }

    @Test
    void aSavedVersionWithoutADefaultModelNeedsOneChosen() {
        PromptVersion v = registry.save("p", PromptContent.of("x"), "a", "").version();

        assertThatThrownBy(() -> RunSetup.of(v, null, Map.of())).hasMessage("p@1 has no default model; choose one "
                + "(--model on the command line)");
        assertThat(RunSetup.of(v, "llama3.2", Map.of()).model()).isEqualTo("llama3.2");
    }

    @Test
    void tokensPerSecondComeFromTheServersOwnTiming() {
        PlaygroundRun kept = history.record(setup("x", Map.of()), RunOutcome.of(new GenerationResult("x", null, "m",
                "stop", usage(3, 30, 1_500_000_000L), Optional.of(Duration.ofMillis(1)), Duration.ofMillis(2))), null);

        assertThat(kept.figures().tokensPerSecond()).isCloseTo(20.0, within(1e-9));
    }
}
