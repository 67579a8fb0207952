package dev.aiworkbench.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Line diffs between prompt versions, and the settings that differ. */
class PromptDiffTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static PromptVersion version(int number, PromptContent content) {
        return new PromptVersion("summarise", number, AT, "ana", "", content);
    }

    @Test
    void eachLineIsTaggedWithItsOldAndNewNumbers() {
        TextDiff diff = TextDiff.compare("one\ntwo\nthree\nfour", "one\n2\nthree\nfour\nfive", "a", "b");

        assertThat(diff.lines()).extracting(DiffLine::kind, DiffLine::oldNumber, DiffLine::newNumber, DiffLine::text)
                .containsExactly(
                        tuple(DiffLine.Kind.UNCHANGED, 1, 1, "one"),
                        tuple(DiffLine.Kind.REMOVED, 2, null, "two"),
                        tuple(DiffLine.Kind.ADDED, null, 2, "2"),
                        tuple(DiffLine.Kind.UNCHANGED, 3, 3, "three"),
                        tuple(DiffLine.Kind.UNCHANGED, 4, 4, "four"),
                        tuple(DiffLine.Kind.ADDED, null, 5, "five"));
        assertThat(diff.changed()).isTrue();
        assertThat(diff.added()).isEqualTo(2);
        assertThat(diff.removed()).isEqualTo(1);
    }

    @Test
    void theUnifiedTextIsWhatDiffUShows() {
        TextDiff diff = TextDiff.compare("one\ntwo\nthree", "one\nTWO\nthree", "p@1/template", "p@2/template");

        assertThat(diff.unified()).isEqualTo("""
                --- p@1/template
                +++ p@2/template
                @@ -1,3 +1,3 @@
                 one
                -two
                +TWO
                 three
                """);
    }

    @Test
    void removingEverythingAndStartingFromNothingAreDiffsToo() {
        assertThat(TextDiff.compare("", "new line", "a", "b").lines())
                .containsExactly(new DiffLine(DiffLine.Kind.ADDED, null, 1, "new line"));
        assertThat(TextDiff.compare("old\nlines", "", "a", "b").lines()).extracting(DiffLine::kind)
                .containsExactly(DiffLine.Kind.REMOVED, DiffLine.Kind.REMOVED);
        TextDiff same = TextDiff.compare("x\ny", "x\ny", "a", "b");
        assertThat(same.changed()).isFalse();
        assertThat(same.unified()).isEmpty();
        assertThat(same.lines()).hasSize(2);
    }

    @Test
    void settingsThatDifferAreNamedWithBothValues() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PromptVersion a = version(1, new PromptContent("t", "", new ModelOptions(0.2, null, 40, null, null, null,
                List.of("END")), OutputFormat.PLAIN, "llama3.2"));
        PromptVersion b = version(2, new PromptContent("t", "", new ModelOptions(0.7, null, 40, 1, null, null,
                List.of()), new OutputFormat.JsonSchema(json.readTree("{\"type\":\"object\"}")), null));

        PromptDiff diff = PromptDiff.between(a, b);

        assertThat(diff.template().changed()).isFalse();
        assertThat(diff.settings()).containsExactly(
                new SettingChange("temperature", "0.2", "0.7"),
                new SettingChange("seed", null, "1"),
                new SettingChange("stop", "[\"END\"]", null),
                new SettingChange("format", "plain", "json-schema"),
                new SettingChange("schema", null, "{\"type\":\"object\"}"),
                new SettingChange("model", "llama3.2", null));
        assertThat(diff.settings().get(0).describe()).isEqualTo("temperature: 0.2 → 0.7");
        assertThat(diff.settings().get(5).describe()).isEqualTo("model: llama3.2 → not set");
        assertThat(diff.identical()).isFalse();
    }

    @Test
    void schemasWithTheSameKeysInAnotherOrderAreNotAChange() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PromptVersion a = version(1, new PromptContent("t", "", null,
                new OutputFormat.JsonSchema(json.readTree("{\"type\":\"object\",\"required\":[]}")), null));
        PromptVersion b = version(2, new PromptContent("t", "", null,
                new OutputFormat.JsonSchema(json.readTree("{\"required\":[],\"type\":\"object\"}")), null));

        assertThat(PromptDiff.between(a, b).identical()).isTrue();
        assertThat(PromptDiff.between(a, b).unified()).isEqualTo("summarise@1 and summarise@2 are the same.\n");
    }

    @Test
    void theWholeDiffCoversTemplateSystemAndSettings(@TempDir Path temp) {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            PromptRegistry registry = new PromptRegistry(database, MutableClock.utc("2026-03-01T10:00"));
            registry.save("p", new PromptContent("Summarise {{text}}\nBe brief.", "You are terse.", null, null, null),
                    "a", "");
            registry.save("p", new PromptContent("Summarise {{text}}\nUse 3 bullets.", "You are terse.",
                    new ModelOptions(0.1, null, null, null, null, null, null), OutputFormat.JSON, null), "a", "");

            PromptDiff diff = registry.diff(PromptRef.parse("p@1"), PromptRef.parse("p@2"));

            assertThat(diff.from()).isEqualTo("p@1");
            assertThat(diff.to()).isEqualTo("p@2");
            assertThat(diff.system().changed()).isFalse();
            assertThat(diff.unified()).isEqualTo("""
                    --- p@1/template
                    +++ p@2/template
                    @@ -1,2 +1,2 @@
                     Summarise {{text}}
                    -Be brief.
                    +Use 3 bullets.
                    # temperature: not set → 0.1
                    # format: plain → json
                    """);
            assertThat(registry.diff(PromptRef.parse("p@2"), PromptRef.parse("p")).identical()).isTrue();
        }
    }
}
