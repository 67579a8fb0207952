package dev.aiworkbench.ui.evals;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.report.CellComparison;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Evals screen with a suite of two providers, a hosted one (the fake OpenAI server) and the local one: each
 * combination runs on its own, and the report of either shows the two compared item by item, as the CLI's suite run
 * does; a hosted provider that cannot be used says so in a sentence naming it and the model.
 */
class EvalsProvidersTest {
    private static final String KEY = "sk-evals-screen-8080";

    @TempDir
    Path data;

    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private FakeOllama ollama;
    private FakeOpenAi openai;
    private Workbench workbench;

    @BeforeEach
    void open() throws Exception {
        ollama = FakeOllama.start();
        ollama.model("tiny").answer("Hello", " there");
        openai = FakeOpenAi.start();
        openai.answer("gpt-4o-mini", "Hello", " world").requireKey(KEY);
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(ollama.baseUrl())).withProviders(ProviderSetup.system()
                .withEnvironment(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", openai.baseUri().toString()))
                .withKeychain(MemoryKeychain.unavailable("No keychain in this test."))), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        workbench.close();
        openai.close();
        ollama.close();
    }

    private EvalsViewModel model() {
        return new EvalsViewModel(new EvalsServices(workbench.suiteLoader(), workbench.evalRunner(),
                workbench.evalReporter(), workbench.evalHistory(), data.resolve("evals")), ZoneOffset.UTC, tasks,
                work -> work);
    }

    /**
     * OpenAI answers "Hello world", Ollama "Hello there": over six items both pass one, both fail one, OpenAI alone
     * passes three (b = 3 with OpenAI first) and Ollama alone one (c = 1); McNemar's exact p = 2·5/16 = 0.625 and the
     * change in pass rate is 2/6 − 4/6 = −33.3 points (the CLI's suite run pairs the same numbers).
     */
    private EvalsViewModel openSuite(String openaiProvider) throws Exception {
        Path suite = data.resolve("suites/two/promptfooconfig.yaml");
        Files.createDirectories(suite.getParent());
        Files.writeString(suite, """
                prompts: ['Say {{x}}']
                providers:
                  - %s
                  - ollama:chat:tiny
                tests:
                  - {description: both pass, vars: {x: a}, assert: [{type: contains, value: Hello}]}
                  - {description: world one, vars: {x: b}, assert: [{type: contains, value: world}]}
                  - {description: world two, vars: {x: c}, assert: [{type: contains, value: world}]}
                  - {description: world three, vars: {x: d}, assert: [{type: contains, value: world}]}
                  - {description: there, vars: {x: e}, assert: [{type: contains, value: there}]}
                  - {description: neither, vars: {x: f}, assert: [{type: contains, value: bye}]}
                """.formatted(openaiProvider));
        EvalsViewModel model = model();
        model.typedPathProperty().set(suite.toString());
        model.openTyped();
        assertThat(model.variants()).hasSize(2);
        return model;
    }

    private static void runVariant(EvalsViewModel model, int index) {
        model.variantProperty().set(model.variants().get(index));
        model.run().start();
        assertThat(model.statusProperty().get()).as(model.statusProperty().get()).startsWith("Finished");
    }

    @Test
    void a_run_of_one_provider_is_shown_with_the_other_providers_newest_run_compared_item_by_item() throws Exception {
        EvalsViewModel model = openSuite("openai:chat:gpt-4o-mini");
        runVariant(model, 0);

        assertThat(model.reportProperty().get().comparisons()).as("only one provider has run").isEmpty();

        runVariant(model, 1);

        ReportState shown = model.reportProperty().get();
        assertThat(shown.comparisons()).hasSize(1);
        CellComparison compared = shown.comparisons().get(0);
        assertThat(compared.baseline().providerId()).isEqualTo("openai:chat:gpt-4o-mini");
        assertThat(compared.candidate().id()).isEqualTo(shown.report().orElseThrow().run().id());
        PairedComparison paired = compared.paired().orElseThrow();
        assertThat(paired.items()).isEqualTo(6);
        assertThat(paired.baselinePassRate()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(paired.candidatePassRate()).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(paired.mcnemar().b()).isEqualTo(3);
        assertThat(paired.mcnemar().c()).isEqualTo(1);
        assertThat(paired.mcnemar().pExact()).isCloseTo(0.625, within(1e-9));
        assertThat(paired.delta()).isCloseTo(-1 / 3.0, within(1e-9));
        List<String> differing = compared.differing().stream().map(d -> title(model, d.key())).toList();
        assertThat(differing).containsExactlyInAnyOrder("world one", "world two", "world three", "there");
        assertThat(compared.differing()).filteredOn(CellComparison.Differing::rose).singleElement()
                .satisfies(d -> assertThat(title(model, d.key())).isEqualTo("there"));
    }

    @Test
    void reopening_the_first_providers_run_pairs_it_with_the_second_and_a_differing_item_selects_its_row()
            throws Exception {
        EvalsViewModel model = openSuite("openai:chat:gpt-4o-mini");
        runVariant(model, 1);
        runVariant(model, 0);

        CellComparison compared = model.reportProperty().get().comparisons().get(0);
        assertThat(compared.baseline().id()).isEqualTo(model.shownReport().orElseThrow().run().id());
        assertThat(compared.candidate().providerId()).isEqualTo("ollama:chat:tiny");
        model.results().filterProperty().set(ResultFilter.FAILURES);
        String passedHere = compared.differing().stream().filter(d -> d.baselinePass() == 1).findFirst()
                .orElseThrow().key();

        model.selectItem(passedHere);

        ItemResult selected = model.results().selectedProperty().get();
        assertThat(selected.key()).isEqualTo(passedHere);
        assertThat(selected.pass()).isTrue();
        assertThat(model.results().filterProperty().get()).isEqualTo(ResultFilter.ALL);
    }

    @Test
    void a_suite_of_one_provider_has_no_comparison() throws Exception {
        Path suite = data.resolve("suites/one/promptfooconfig.yaml");
        Files.createDirectories(suite.getParent());
        Files.writeString(suite, """
                prompts: ['Say {{x}}']
                providers: [ollama:chat:tiny]
                tests:
                  - {vars: {x: a}, assert: [{type: contains, value: Hello}]}
                """);
        EvalsViewModel model = model();
        model.typedPathProperty().set(suite.toString());
        model.openTyped();

        runVariant(model, 0);

        assertThat(model.reportProperty().get().report()).isPresent();
        assertThat(model.reportProperty().get().comparisons()).isEmpty();
    }

    @Test
    void a_hosted_model_the_provider_does_not_serve_is_a_sentence_naming_provider_and_model() throws Exception {
        EvalsViewModel model = openSuite("openai:chat:gpt-nonesuch");
        model.variantProperty().set(model.variants().get(0));

        model.run().start();

        assertThat(model.statusProperty().get()).contains("'gpt-nonesuch'", "provider 'openai'",
                "workbench models list --provider openai").doesNotContain("ollama pull");
        assertThat(model.statusProblemProperty().get()).isTrue();
    }

    private static String title(EvalsViewModel model, String key) {
        return model.shownReport().orElseThrow().items().stream().filter(i -> i.key().equals(key)).findFirst()
                .map(Items::title).orElseThrow();
    }
}
