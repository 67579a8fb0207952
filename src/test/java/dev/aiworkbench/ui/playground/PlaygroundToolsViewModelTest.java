package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.prompts.Playground;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.RunFigures;
import dev.aiworkbench.prompts.RunHistory;
import dev.aiworkbench.prompts.RunStatus;
import dev.aiworkbench.providers.ProviderConfig;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.ScriptedAnswer;
import dev.aiworkbench.testing.ScriptedGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The playground's tools and tool calls over a scripted model that streams calls in fragments, as OpenAI does. */
class PlaygroundToolsViewModelTest {
    private static final String TOOLS = """
            [{"type": "function", "function": {"name": "get_weather", "description": "Weather in a city",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]""";
    private static final String ARGUMENTS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-01T10:00:00");
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private final ScriptedGateway gateway = new ScriptedGateway();
    private Database database;
    private RunHistory runs;
    private PlaygroundViewModel model;

    @BeforeEach
    void open() {
        database = Database.open(data.resolve("workbench.db"));
        runs = new RunHistory(database, clock);
        PriceTable prices = new PriceTable(database);
        Playground playground = new Playground(() -> gateway, runs, prices);
        PlaygroundProviders providers = new PlaygroundProviders(() -> List.of(ProviderConfig.builtIn(ProviderKind.OLLAMA)),
                name -> gateway, name -> playground, name -> Optional.empty(), prices);
        model = new PlaygroundViewModel(providers, new PromptRegistry(database, clock), runs, prices, tasks);
        model.load();
        model.templateProperty().set("What should I wear in Paris today?");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ScriptedAnswer weatherCall() {
        return ScriptedAnswer.text().call("call_1", "get_weather", ARGUMENTS, 6).tokens(40, 18);
    }

    @Test
    void aRunOffersTheToolsAndItsCallIsAssembledIntoACard() {
        gateway.then(weatherCall());
        model.tools().textProperty().set(TOOLS);
        assertThat(model.tools().summaryProperty().get()).isEqualTo("1 tool offered: get_weather");

        model.run();

        GenerationRequest sent = gateway.requests().get(0);
        assertThat(sent.tools()).extracting(ToolDefinition::name).containsExactly("get_weather");
        RunViewModel output = model.output();
        assertThat(output.conversation().cards()).hasSize(1);
        ToolCallCard card = output.conversation().cards().get(0);
        assertThat(card.nameProperty().get()).isEqualTo("get_weather");
        assertThat(card.idProperty().get()).isEqualTo("call_1");
        assertThat(card.completeProperty().get()).isTrue();
        assertThat(card.argumentsProperty().get()).isEqualTo("{\n  \"city\" : \"Paris\",\n  \"unit\" : \"celsius\"\n}");
        assertThat(output.conversation().awaitingResultsProperty().get()).isTrue();
        assertThat(output.statusProperty().get()).startsWith("The model asked for a tool call")
                .contains("Send results");
        assertThat(runs.recent(1).get(0).toolCalls()).isEqualTo(1);
    }

    @Test
    void badDefinitionsKeepTheirTextAndBlockTheRunWithTheirPosition() {
        gateway.then(weatherCall());
        String broken = "[\n  {\"name\": \"get weather\"}\n]";
        model.tools().textProperty().set(broken);
        int before = tasks.started();

        model.run();

        assertThat(model.tools().textProperty().get()).isEqualTo(broken);
        assertThat(model.tools().problemProperty().get()).startsWith("Tools line 2:12: ")
                .contains("\"get weather\"").endsWith("clear them to run without tools.");
        assertThat(model.output().statusProperty().get()).isEqualTo(model.tools().problemProperty().get());
        assertThat(model.output().toneProperty().get()).isEqualTo(Tone.DANGER);
        assertThat(tasks.started()).isEqualTo(before);
        assertThat(gateway.requests()).isEmpty();

        model.tools().textProperty().set("");
        model.run();
        assertThat(gateway.requests()).hasSize(1);
        assertThat(gateway.requests().get(0).tools()).isEmpty();
    }

    @Test
    void definitionsLoadFromAFile() throws Exception {
        Path file = Files.writeString(data.resolve("tools.json"), TOOLS);

        model.tools().load(file);

        assertThat(model.tools().textProperty().get()).isEqualTo(TOOLS);
        assertThat(model.tools().definitions()).extracting(ToolDefinition::name).containsExactly("get_weather");
        model.tools().load(data.resolve("missing.json"));
        assertThat(model.tools().problemProperty().get()).isEqualTo("Could not read missing.json as UTF-8 text. "
                + "Choose another file or paste the definitions.");
    }

    @Test
    void sendingResultsCarriesTheConversationOnWithTheRightTurnsAndFiguresPerTurnAndInTotal() {
        gateway.then(weatherCall().call("call_2", "get_weather", "{\"city\":\"Lyon\"}", 2))
                .then(ScriptedAnswer.text("Take a ", "light jacket.").tokens(90, 7));
        model.tools().textProperty().set(TOOLS);
        model.run();
        RunViewModel output = model.output();
        RunFigures first = output.figuresProperty().get();
        List<ToolCallCard> cards = List.copyOf(output.conversation().cards());
        cards.get(0).resultProperty().set("{\"temp\": 14, \"sky\": \"rain\"}");

        model.sendResults();

        assertThat(output.statusProperty().get()).isEqualTo("Type what get_weather returned (call 2) before sending "
                + "the results; a tool that failed returns its error.");
        assertThat(gateway.requests()).hasSize(1);
        cards.get(1).resultProperty().set("{\"temp\": 18}");
        model.sendResults();

        assertThat(gateway.requests()).hasSize(2);
        GenerationRequest next = gateway.requests().get(1);
        assertThat(next.tools()).extracting(ToolDefinition::name).containsExactly("get_weather");
        List<ChatMessage> messages = next.messages();
        assertThat(messages).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.USER,
                ChatMessage.Role.ASSISTANT, ChatMessage.Role.TOOL, ChatMessage.Role.TOOL);
        assertThat(messages.get(0).content()).isEqualTo("What should I wear in Paris today?");
        assertThat(messages.get(1).toolCalls()).containsExactly(new ToolCall("call_1", "get_weather", ARGUMENTS),
                new ToolCall("call_2", "get_weather", "{\"city\":\"Lyon\"}"));
        assertThat(messages.get(2).toolCallId()).isEqualTo("call_1");
        assertThat(messages.get(2).content()).isEqualTo("{\"temp\": 14, \"sky\": \"rain\"}");
        assertThat(messages.get(3).toolCallId()).isEqualTo("call_2");
        assertThat(messages.get(3).toolName()).isEqualTo("get_weather");

        assertThat(output.answerProperty().get()).isEqualTo("Take a light jacket.");
        assertThat(output.statusProperty().get()).startsWith("Done (stop)");
        assertThat(output.conversation().cards()).isEmpty();
        assertThat(output.conversation().awaitingResultsProperty().get()).isFalse();
        assertThat(output.conversation().transcript()).extracting(TranscriptEntry::speaker)
                .containsExactly("Model, turn 1", "Tool get_weather (call_1)", "Tool get_weather (call_2)");
        assertThat(output.conversation().transcript().get(0).text()).contains("→ get_weather " + ARGUMENTS);
        assertThat(output.conversation().transcript().get(0).figures()).isEqualTo(first);

        RunFigures second = output.figuresProperty().get();
        assertThat(first.promptTokens()).isEqualTo(40);
        assertThat(second.promptTokens()).isEqualTo(90);
        assertThat(second.outputTokens()).isEqualTo(7);
        RunFigures totals = output.conversation().totalsProperty().get();
        assertThat(totals.promptTokens()).isEqualTo(130);
        assertThat(totals.outputTokens()).isEqualTo(25);
        assertThat(totals.ttftMs()).isEqualTo(first.ttftMs());
        assertThat(totals.totalMs()).isEqualTo(first.totalMs() + second.totalMs());
        assertThat(totals.costUsd()).isEqualTo(first.costUsd() + second.costUsd());
        assertThat(runs.recent(5)).hasSize(2);
    }

    @Test
    void deltasAreCoalescedAFrameAtATimeAndCardsGrowBeforeTheCallIsWhole() throws Exception {
        gateway.then(weatherCall().holdAfter(7));
        model.tools().textProperty().set(TOOLS);
        List<Runnable> frames = new ArrayList<>();
        int[] requests = new int[1];
        ToolCallFeed feed = new ToolCallFeed(model.output()::applyToolCalls, work -> {
            frames.add(work);
            return () -> requests[0]++;
        });
        model.output().streamToolCallsThrough(feed::offer);

        CompletableFuture<Void> running = CompletableFuture.runAsync(model::run);
        assertThat(gateway.awaitHolding(Duration.ofSeconds(10))).isTrue();
        assertThat(model.output().conversation().cards()).isEmpty();
        assertThat(requests[0]).isEqualTo(7);

        frames.get(0).run();

        assertThat(feed.updates()).isEqualTo(1);
        ToolCallCard card = model.output().conversation().cards().get(0);
        assertThat(card.nameProperty().get()).isEqualTo("get_weather");
        assertThat(card.completeProperty().get()).isFalse();
        assertThat(card.argumentsProperty().get()).isEqualTo(ARGUMENTS);
        gateway.release();
        running.get(10, TimeUnit.SECONDS);
        frames.get(0).run();

        assertThat(card.completeProperty().get()).isTrue();
        assertThat(card.argumentsProperty().get()).startsWith("{\n  \"city\" : \"Paris\"");
    }

    @Test
    void stopMidToolCallKeepsWhatArrivedAndAsksForNoResults() throws Exception {
        gateway.then(weatherCall().holdAfter(3));
        model.tools().textProperty().set(TOOLS);

        CompletableFuture<Void> running = CompletableFuture.runAsync(model::run);
        assertThat(gateway.awaitHolding(Duration.ofSeconds(10))).isTrue();
        model.stop();
        running.get(10, TimeUnit.SECONDS);

        RunViewModel output = model.output();
        assertThat(output.runningProperty().get()).isFalse();
        assertThat(output.statusProperty().get()).startsWith("Stopped");
        assertThat(output.conversation().cards()).hasSize(1);
        ToolCallCard card = output.conversation().cards().get(0);
        assertThat(card.completeProperty().get()).isFalse();
        assertThat(ARGUMENTS).startsWith(card.argumentsProperty().get());
        assertThat(card.argumentsProperty().get()).isNotEmpty().isNotEqualTo(ARGUMENTS);
        assertThat(output.conversation().awaitingResultsProperty().get()).isFalse();
        assertThat(runs.recent(1).get(0).status()).isEqualTo(RunStatus.CANCELLED);

        model.sendResults();
        assertThat(gateway.requests()).hasSize(1);
    }

    @Test
    void aSavedVersionKeepsItsToolsAndOpensWithThem() {
        model.tools().textProperty().set(TOOLS);
        model.save("wardrobe", "ana", "with the weather tool");
        model.tools().textProperty().set("");

        model.open(model.versions().versions().get(0));

        assertThat(model.tools().definitions()).extracting(ToolDefinition::name).containsExactly("get_weather");
        assertThat(model.tools().textProperty().get()).contains("\"name\" : \"get_weather\"")
                .contains("\"parameters\"");
        assertThat(model.versions().versions().get(0).content().tools()).hasSize(1);
    }
}
