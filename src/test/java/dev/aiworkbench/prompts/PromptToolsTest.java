package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prompt versions keep the tools they offer, and runs the tools they offered and the calls the model made. */
class PromptToolsTest {
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather in a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
    private static final ToolDefinition TIME = new ToolDefinition("get_time", "", null);

    private final MutableClock clock = MutableClock.utc("2026-03-01T10:00:00");

    @TempDir
    Path temp;

    private static PromptContent withTools(List<ToolDefinition> tools) {
        return new PromptContent("What to wear in {{city}}?", "", null, null, null, tools);
    }

    @Test
    void aVersionKeepsItsToolsAndOtherToolsMakeANewVersion() {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            PromptRegistry registry = new PromptRegistry(database, clock);
            registry.save("wardrobe", withTools(List.of(WEATHER)), "ana", "");

            assertThat(registry.get("wardrobe@1").content().tools()).containsExactly(WEATHER);
            assertThat(registry.save("wardrobe", withTools(List.of(WEATHER)), "ana", "").created()).isFalse();
            assertThat(registry.save("wardrobe", withTools(List.of(WEATHER, TIME)), "ana", "").created()).isTrue();
            assertThat(registry.save("wardrobe", withTools(List.of()), "ana", "").created()).isTrue();

            assertThat(registry.versions("wardrobe")).extracting(v -> v.content().tools().size())
                    .containsExactly(1, 2, 0);
            assertThat(registry.diff(PromptRef.of("wardrobe", 1), PromptRef.of("wardrobe", 2)).settings())
                    .containsExactly(new SettingChange("tools", "get_weather", "get_weather, get_time"));
            assertThat(registry.diff(PromptRef.of("wardrobe", 2), PromptRef.of("wardrobe", 3)).unified())
                    .contains("# tools: get_weather, get_time → not set");
        }
    }

    @Test
    void changedDefinitionsUnderTheSameNamesShowInTheDiff() {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            PromptRegistry registry = new PromptRegistry(database, clock);
            registry.save("wardrobe", withTools(List.of(WEATHER)), "ana", "");
            registry.save("wardrobe", withTools(List.of(new ToolDefinition("get_weather", "Today's weather", null))),
                    "ana", "");

            assertThat(registry.diff(PromptRef.of("wardrobe", 1), PromptRef.of("wardrobe", 2)).settings())
                    .containsExactly(new SettingChange("tools", "get_weather", "get_weather (definitions changed)"));
        }
    }

    @Test
    void aRunKeepsTheToolsItOfferedAndTheCallsTheModelMade() {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            RunHistory history = new RunHistory(database, clock);
            RunSetup setup = RunSetup.adHoc("m", "Wear?", "", Map.of(), null, null).withTools(List.of(WEATHER, TIME));
            ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
            GenerationResult answer = new GenerationResult("", null, "m", "tool_calls", Usage.UNKNOWN,
                    Optional.of(Duration.ofMillis(5)), Duration.ofMillis(9), List.of(call));

            PlaygroundRun kept = history.record(setup, RunOutcome.of(answer), null);

            assertThat(kept.callsTools()).isTrue();
            PlaygroundRun reopened = history.get(kept.id()).orElseThrow();
            assertThat(reopened.setup().tools()).containsExactly(WEATHER, TIME);
            assertThat(reopened.toolCalls()).containsExactly(call);
            assertThat(reopened.callsTools()).isTrue();
            assertThat(history.recent(1).get(0).tools()).isEqualTo(2);
            assertThat(history.recent(1).get(0).toolCalls()).isEqualTo(1);
            assertThat(setup.toRequest().tools()).containsExactly(WEATHER, TIME);
        }
    }

    @Test
    void aStoppedRunWithCallsAsksForNoResults() {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            RunHistory history = new RunHistory(database, clock);
            RunSetup setup = RunSetup.adHoc("m", "Wear?", "", Map.of(), null, null).withTools(List.of(WEATHER));
            GenerationResult stopped = new GenerationResult("", null, "m", GenerationResult.CANCELLED, Usage.UNKNOWN,
                    Optional.empty(), Duration.ofMillis(9), List.of(new ToolCall("call_1", "get_weather", "{}")));

            assertThat(history.record(setup, RunOutcome.of(stopped), null).callsTools()).isFalse();
        }
    }

    @Test
    void versionsAndRunsFromBeforeTheMigrationOfferNoTools() throws Exception {
        Path file = temp.resolve("workbench.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("11").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO prompt (id, name, created_at) VALUES (1, 'old', '2026-01-01T00:00:00.000Z')");
            s.executeUpdate("INSERT INTO prompt_version (prompt_id, version, created_at, author, note, template, "
                    + "system_prompt, options, format) VALUES (1, 1, '2026-01-01T00:00:00.000Z', 'a', '', 'Hi', '', "
                    + "'{}', 'plain')");
            s.executeUpdate("INSERT INTO playground_run (created_at, model, template, system_prompt, variables, options, "
                    + "format, output) VALUES ('2026-01-01T00:00:00.000Z', 'm', 'Hi', '', '{}', '{}', 'plain', 'Hello')");
        }
        try (Database database = Database.open(file)) {
            assertThat(new PromptRegistry(database, clock).get("old").content().tools()).isEmpty();
            RunHistory history = new RunHistory(database, clock);
            PlaygroundRun run = history.get(history.recent(1).get(0).id()).orElseThrow();
            assertThat(run.setup().tools()).isEmpty();
            assertThat(run.toolCalls()).isEmpty();
        }
    }

    @Test
    void theDatabaseRefusesToolsThatAreNotAJsonArray() {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            new PromptRegistry(database, clock).save("p", withTools(List.of(WEATHER)), "ana", "");
            assertThatThrownBy(() -> database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO playground_run (created_at, model, template, system_prompt, "
                            + "variables, options, format, output, tools) VALUES ('2026-01-01T00:00:00.000Z', 'm', "
                            + "'Hi', '', '{}', '{}', 'plain', '', '{\"name\": \"x\"}')");
                }
            })).rootCause().hasMessageContaining("CHECK constraint failed");
        }
    }
}
