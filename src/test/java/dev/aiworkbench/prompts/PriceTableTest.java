package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** The editable price table in a real SQLite file, and what a run costs at each row. */
class PriceTableTest {
    @TempDir
    Path temp;
    private Database database;
    private PriceTable prices;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        prices = new PriceTable(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Usage usage(Integer promptTokens, Integer outputTokens) {
        return new Usage(promptTokens == null ? OptionalInt.empty() : OptionalInt.of(promptTokens),
                outputTokens == null ? OptionalInt.empty() : OptionalInt.of(outputTokens), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    @Test
    void theFirstUseSeedsTheFreeLocalRowAndExamplesNotedAsSuch() {
        assertThat(prices.rows()).extracting(PriceRow::name, PriceRow::inputUsdPerMillion,
                PriceRow::outputUsdPerMillion, PriceRow::local).containsExactly(
                tuple("Local (Ollama)", 0.0, 0.0, true),
                tuple("OpenAI GPT-4o mini", 0.15, 0.60, false),
                tuple("OpenAI GPT-4o", 2.50, 10.00, false),
                tuple("Anthropic Claude Haiku 4.5", 1.00, 5.00, false),
                tuple("Anthropic Claude Sonnet 4.5 and 4.6", 3.00, 15.00, false),
                tuple("OpenAI GPT-5.6 Luna", 0.20, 1.20, false),
                tuple("OpenAI GPT-5.6 Terra", 2.00, 12.00, false),
                tuple("Anthropic Claude Sonnet 5.5", 2.00, 10.00, false),
                tuple("Anthropic Claude Opus 5.5", 4.00, 20.00, false),
                tuple("OpenAI GPT-6 Luna", 0.10, 0.50, false),
                tuple("Anthropic Claude Fable 5.1", 10.00, 50.00, false));
        assertThat(prices.rows().subList(1, 9)).allSatisfy(row -> {
            assertThat(row.note()).startsWith("example list price as of " + PriceTable.EXAMPLES_AS_OF)
                    .contains("check the provider's pricing page");
            assertThat(row.models()).isNotEmpty();
        });
        assertThat(prices.rows().get(0).models()).isEmpty();
    }

    @Test
    void theCostIsPerMillionInputAndOutputTokens() {
        assertThat(prices.costUsd("OpenAI GPT-4o mini", usage(2_000_000, 1_000_000)))
                .hasValueCloseTo(2 * 0.15 + 0.60, within(1e-12));
        assertThat(prices.costUsd("openai gpt-4o", usage(1_000, 500))).hasValueCloseTo(0.0075, within(1e-12));
        assertThat(prices.costUsd(PriceTable.LOCAL, usage(1_000, 500))).hasValue(0.0);
    }

    @Test
    void anUnknownTokenCountMeansAnUnknownCostEvenWhenFree() {
        assertThat(prices.costUsd("OpenAI GPT-4o", usage(null, 10))).isEmpty();
        assertThat(prices.costUsd("OpenAI GPT-4o", usage(10, null))).isEmpty();
        assertThat(prices.costUsd(PriceTable.LOCAL, Usage.UNKNOWN)).isEmpty();
    }

    @Test
    void quotesSayWhatTheRunWouldCostAtEveryRow() {
        assertThat(prices.quotes(usage(1_000_000, 1_000_000))).extracting(q -> q.row().name(), PriceQuote::costUsd)
                .containsExactly(
                        tuple("Local (Ollama)", OptionalDouble.of(0.0)),
                        tuple("OpenAI GPT-4o mini", OptionalDouble.of(0.75)),
                        tuple("OpenAI GPT-4o", OptionalDouble.of(12.5)),
                        tuple("Anthropic Claude Haiku 4.5", OptionalDouble.of(6.0)),
                        tuple("Anthropic Claude Sonnet 4.5 and 4.6", OptionalDouble.of(18.0)),
                        tuple("OpenAI GPT-5.6 Luna", OptionalDouble.of(1.4)),
                        tuple("OpenAI GPT-5.6 Terra", OptionalDouble.of(14.0)),
                        tuple("Anthropic Claude Sonnet 5.5", OptionalDouble.of(12.0)),
                        tuple("Anthropic Claude Opus 5.5", OptionalDouble.of(24.0)),
                        tuple("OpenAI GPT-6 Luna", OptionalDouble.of(0.6)),
                        tuple("Anthropic Claude Fable 5.1", OptionalDouble.of(60.0)));
        assertThat(prices.quotes(Usage.UNKNOWN)).allSatisfy(q -> assertThat(q.costUsd()).isEmpty());
    }

    @Test
    void rowsCanBeAddedEditedAndRemovedAndRemovedExamplesStayRemoved() {
        prices.add(PriceRow.of("My GPU box", 0.01, 0.02, "electricity"));
        prices.edit("OpenAI GPT-4o", PriceRow.of("OpenAI GPT-4o (2026)", 2.0, 8.0, "checked today"));
        prices.remove("Anthropic Claude Sonnet 4.5 and 4.6");

        PriceTable reopened = new PriceTable(database);
        assertThat(reopened.rows()).extracting(PriceRow::name).containsExactly("Local (Ollama)", "OpenAI GPT-4o mini",
                "OpenAI GPT-4o (2026)", "Anthropic Claude Haiku 4.5", "OpenAI GPT-5.6 Luna", "OpenAI GPT-5.6 Terra",
                "Anthropic Claude Sonnet 5.5", "Anthropic Claude Opus 5.5", "OpenAI GPT-6 Luna",
                "Anthropic Claude Fable 5.1", "My GPU box");
        assertThat(reopened.row("OpenAI GPT-4o (2026)")).isEqualTo(new PriceRow("OpenAI GPT-4o (2026)", 2.0, 8.0,
                "checked today", false));
    }

    @Test
    void theLocalRowCanBeRepricedButNeverRemoved() {
        PriceRow edited = prices.edit(PriceTable.LOCAL, PriceRow.of(PriceTable.LOCAL, 0.001, 0.002, "power"));

        assertThat(edited.local()).isTrue();
        assertThatThrownBy(() -> prices.remove("local (ollama)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Local (Ollama)' is the local row and stays; set its prices to what your machine costs "
                        + "you instead");
        assertThat(prices.row(PriceTable.LOCAL).outputUsdPerMillion()).isEqualTo(0.002);
    }

    @Test
    void namesAreUniqueWithoutCaseAndUnknownNamesListTheRows() {
        assertThatThrownBy(() -> prices.add(PriceRow.of("openai gpt-4o", 1, 1, "")))
                .hasMessage("there is already a price row 'OpenAI GPT-4o'; choose another name or edit that row");
        assertThatThrownBy(() -> prices.edit("OpenAI GPT-4o", PriceRow.of("OpenAI GPT-4o mini", 1, 1, "")))
                .hasMessageContaining("already a price row 'OpenAI GPT-4o mini'");
        // renaming a row to a new spelling of its own name is fine
        assertThat(prices.edit("OpenAI GPT-4o", PriceRow.of("OPENAI GPT-4O", 1, 1, "")).name()).isEqualTo("OPENAI GPT-4O");
        assertThatThrownBy(() -> prices.row("Gemini")).hasMessageStartingWith("there is no price row 'Gemini'; the rows "
                + "are 'Local (Ollama)', 'OpenAI GPT-4o mini'");
        assertThatThrownBy(() -> prices.remove("Gemini")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeOrNonNumericPricesAreRefused() {
        assertThatThrownBy(() -> PriceRow.of("x", -1, 0, "")).hasMessageContaining("must be zero or more");
        assertThatThrownBy(() -> PriceRow.of("x", 0, Double.NaN, "")).hasMessageContaining("must be zero or more");
        assertThatThrownBy(() -> PriceRow.of(" ", 0, 0, "")).hasMessageContaining("needs a name");
    }
}
