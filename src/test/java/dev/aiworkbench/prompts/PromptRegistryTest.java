package dev.aiworkbench.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Saving, listing and fetching versioned prompts in a real SQLite file. */
class PromptRegistryTest {
    private final MutableClock clock = MutableClock.utc("2026-03-01T10:00:00.123456");

    @TempDir
    Path temp;
    private Database database;
    private PromptRegistry registry;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        registry = new PromptRegistry(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static PromptContent full() throws Exception {
        return new PromptContent("Summarise {{text}} in {{n}} bullets", "You are terse.",
                new ModelOptions(0.2, 0.9, 40, 7, 256, 4096, List.of("\n\n", "END")),
                new OutputFormat.JsonSchema(new ObjectMapper().readTree(
                        "{\"type\":\"object\",\"properties\":{\"bullets\":{\"type\":\"array\"}}}")),
                "llama3.2:3b");
    }

    @Test
    void theFirstSaveIsVersionOneWithEverythingKept() throws Exception {
        SaveResult saved = registry.save("summarise", full(), "ana", "first try");

        assertThat(saved.created()).isTrue();
        assertThat(saved.message()).isEqualTo("Saved summarise@1.");
        PromptVersion version = saved.version();
        assertThat(version.version()).isEqualTo(1);
        assertThat(version.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(registry.get("summarise@1")).isEqualTo(version);
        assertThat(registry.get("summarise").content()).isEqualTo(full());
        assertThat(registry.get("summarise")).extracting(PromptVersion::author, PromptVersion::note)
                .containsExactly("ana", "first try");
    }

    @Test
    void everySaveOfNewContentIsTheNextVersionAndOldOnesStayAsTheyWere() {
        registry.save("triage", PromptContent.of("v1 {{ticket}}"), "ana", "");
        clock.advance(Duration.ofMinutes(5));
        registry.save("triage", PromptContent.of("v2 {{ticket}}"), "bo", "shorter");
        clock.advance(Duration.ofMinutes(5));
        SaveResult third = registry.save("triage", new PromptContent("v2 {{ticket}}", "be kind", null, null, null),
                "ana", "system prompt");

        assertThat(third.version().version()).isEqualTo(3);
        assertThat(registry.versions("triage")).extracting(PromptVersion::version, PromptVersion::author,
                v -> v.content().template(), v -> v.content().system()).containsExactly(
                tuple(1, "ana", "v1 {{ticket}}", ""),
                tuple(2, "bo", "v2 {{ticket}}", ""),
                tuple(3, "ana", "v2 {{ticket}}", "be kind"));
        assertThat(registry.get("triage").version()).isEqualTo(3);
        assertThat(registry.get("triage@1").createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
    }

    @Test
    void savingTheLatestContentAgainAddsNoVersionAndSaysSo() throws Exception {
        registry.save("summarise", full(), "ana", "first");
        clock.advance(Duration.ofHours(1));

        SaveResult again = registry.save("summarise", full(), "bo", "same again");

        assertThat(again.created()).isFalse();
        assertThat(again.version().version()).isEqualTo(1);
        assertThat(again.version().author()).isEqualTo("ana");
        assertThat(again.message()).isEqualTo("Nothing new to save: summarise@1 already has this content, "
                + "so no version was added.");
        assertThat(registry.versions("summarise")).hasSize(1);
    }

    @Test
    void contentThatOnlyLooksDifferentIsTheSame() throws Exception {
        ObjectMapper json = new ObjectMapper();
        registry.save("p", new PromptContent("t", null, ModelOptions.DEFAULTS,
                new OutputFormat.JsonSchema(json.readTree("{\"type\":\"object\",\"required\":[\"a\"]}")), " m "), "a", "");

        // key order in the schema, a null system prompt, padding around the model: same content
        SaveResult again = registry.save("p", new PromptContent("t", "", null,
                new OutputFormat.JsonSchema(json.readTree("{\"required\":[\"a\"],\"type\":\"object\"}")), "m"), "a", "");

        assertThat(again.created()).isFalse();
    }

    @Test
    void anyChangeToOptionsFormatOrModelIsANewVersion() throws Exception {
        PromptContent base = full();
        registry.save("p", base, "a", "");
        List<PromptContent> changes = List.of(
                new PromptContent(base.template(), base.system(), base.options().withStop("END"), base.format(),
                        base.defaultModel()),
                new PromptContent(base.template(), base.system(), base.options().withStop("END"), OutputFormat.JSON,
                        base.defaultModel()),
                new PromptContent(base.template(), base.system(), base.options().withStop("END"), OutputFormat.JSON,
                        "qwen2.5"),
                new PromptContent(base.template(), base.system(), base.options().withStop("END"), OutputFormat.JSON,
                        null));
        for (PromptContent change : changes) {
            assertThat(registry.save("p", change, "a", "").created()).isTrue();
        }
        assertThat(registry.get("p").version()).isEqualTo(5);
        assertThat(registry.get("p").content().defaultModel()).isNull();
    }

    @Test
    void savingTheOlderContentAgainIsANewVersionBecauseOnlyTheLatestCounts() {
        registry.save("p", PromptContent.of("A"), "a", "");
        registry.save("p", PromptContent.of("B"), "a", "");

        assertThat(registry.save("p", PromptContent.of("A"), "a", "back to A").version().version()).isEqualTo(3);
    }

    @Test
    void theListHasEachPromptOnceWithItsLatestVersion() {
        registry.save("zeta", PromptContent.of("z"), "a", "");
        clock.advance(Duration.ofMinutes(1));
        registry.save("alpha", PromptContent.of("a1"), "a", "");
        clock.advance(Duration.ofMinutes(1));
        registry.save("alpha", new PromptContent("a2", "", null, null, "llama3.2"), "a", "");

        assertThat(registry.list()).containsExactly(
                new PromptSummary("alpha", 2, Instant.parse("2026-03-01T10:01:00.123Z"),
                        Instant.parse("2026-03-01T10:02:00.123Z"), "llama3.2"),
                new PromptSummary("zeta", 1, Instant.parse("2026-03-01T10:00:00.123Z"),
                        Instant.parse("2026-03-01T10:00:00.123Z"), null));
    }

    @Test
    void anUnknownNameListsThePromptsThereAreAndTheClosest() {
        registry.save("summarise", PromptContent.of("s"), "a", "");
        registry.save("triage", PromptContent.of("t"), "a", "");

        assertThatThrownBy(() -> registry.get("summarize")).isInstanceOf(UnknownPromptException.class)
                .hasMessage("there is no prompt 'summarize'; did you mean 'summarise'? The saved prompts are: "
                        + "summarise, triage.");
        assertThatThrownBy(() -> registry.versions("nothing-like"))
                .hasMessage("there is no prompt 'nothing-like'. The saved prompts are: summarise, triage.");
    }

    @Test
    void anEmptyRegistrySaysThereIsNothingYet() {
        assertThatThrownBy(() -> registry.get("x")).isInstanceOf(UnknownPromptException.class)
                .hasMessageContaining("no prompts are saved yet");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void anUnknownVersionSaysWhichVersionsExist() {
        registry.save("p", PromptContent.of("1"), "a", "");
        assertThatThrownBy(() -> registry.get("p@2")).isInstanceOf(UnknownPromptException.class)
                .hasMessage("p has only version 1, so there is no p@2; leave the version off for the latest");
        registry.save("p", PromptContent.of("2"), "a", "");
        registry.save("p", PromptContent.of("3"), "a", "");
        assertThatThrownBy(() -> registry.get(PromptRef.of("p", 7)))
                .hasMessage("p has versions 1 to 3, so there is no p@7; leave the version off for the latest");
    }

    @Test
    void badNamesAndMissingAuthorsAreRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> registry.save("My Prompt", PromptContent.of("x"), "a", ""))
                .hasMessageContaining("cannot be a prompt name");
        assertThatThrownBy(() -> registry.save("p", PromptContent.of("x"), "  ", ""))
                .hasMessageContaining("say who is saving this version");
        assertThatThrownBy(() -> PromptContent.of("  ")).hasMessageContaining("the template is empty");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void versionsSurviveReopeningTheFile() {
        registry.save("p", PromptContent.of("kept {{x}}"), "a", "n");
        database.close();
        database = Database.open(temp.resolve("workbench.db"));

        assertThat(new PromptRegistry(database, clock).get("p@1").content().template()).isEqualTo("kept {{x}}");
    }
}
