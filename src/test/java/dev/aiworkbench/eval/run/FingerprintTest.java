package dev.aiworkbench.eval.run;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.PromptResolver;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.eval.suite.SuiteLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint is stable across loads of the same suite and moves with each part it hashes, and only that part. */
class FingerprintTest {
    private static final String DIGEST = "d".repeat(64);
    private static final String SUITE = """
            prompts: "Classify: {{alert}}"
            providers:
              - id: ollama:chat:tiny
                config:
                  temperature: 0
                  seed: 7
            tests:
              - description: disk full
                vars: {alert: "db-01 /var at 99%"}
                assert:
                  - type: icontains
                    value: P1
              - description: queue lag
                vars: {alert: "consumer lag 40k"}
                threshold: 0.5
                assert:
                  - type: icontains
                    value: P3
                    weight: 2
                  - type: word-count
                    value: {max: 20}
            """;

    @TempDir
    Path temp;

    private Fingerprint fingerprint(String text) throws IOException {
        return fingerprint(text, DIGEST);
    }

    private Fingerprint fingerprint(String text, String digest) throws IOException {
        Path file = temp.resolve("suite.yaml");
        Files.writeString(file, text);
        SuiteLoadResult loaded = new SuiteLoader(PromptResolver.none()).load(file);
        EvalSuite suite = loaded.suite().orElseThrow(() -> new AssertionError(loaded.problems().stream()
                .map(Problem::toString).collect(Collectors.joining("\n"))));
        return Fingerprint.of(suite.prompts().get(0).template(), suite.prompts().get(0).system(), suite.tests(),
                suite.providers().get(0).options(), digest);
    }

    /** Which of the five parts differ, by name. */
    private static String differing(Fingerprint a, Fingerprint b) {
        StringBuilder parts = new StringBuilder();
        if (!a.promptHash().equals(b.promptHash())) {
            parts.append("prompt ");
        }
        if (!a.datasetHash().equals(b.datasetHash())) {
            parts.append("dataset ");
        }
        if (!a.assertionsHash().equals(b.assertionsHash())) {
            parts.append("assertions ");
        }
        if (!a.optionsHash().equals(b.optionsHash())) {
            parts.append("options ");
        }
        if (!java.util.Objects.equals(a.modelDigest(), b.modelDigest())) {
            parts.append("model ");
        }
        return parts.toString().strip();
    }

    @Test
    void theSameSuiteLoadedTwiceHasTheSameFingerprint() throws IOException {
        Fingerprint first = fingerprint(SUITE);
        Fingerprint second = fingerprint(SUITE);

        assertThat(second).isEqualTo(first);
        assertThat(first.sameRun(second)).isTrue();
        assertThat(first.gradedLike(second)).isTrue();
        assertThat(first.sameDataset(second)).isTrue();
    }

    @Test
    void formattingThatDoesNotChangeTheSuiteKeepsTheFingerprint() throws IOException {
        String reformatted = SUITE.replace("vars: {alert: \"db-01 /var at 99%\"}", "vars:\n      alert: db-01 /var at 99%")
                + "# a comment\n";

        assertThat(fingerprint(reformatted)).isEqualTo(fingerprint(SUITE));
    }

    @Test
    void eachPartMovesOnlyItsOwnHash() throws IOException {
        Fingerprint base = fingerprint(SUITE);

        assertThat(differing(base, fingerprint(SUITE.replace("Classify:", "Classify this alert:")))).isEqualTo("prompt");
        // a new var value or description makes a new item (a new key), and the assertions are hashed by item key
        assertThat(differing(base, fingerprint(SUITE.replace("consumer lag 40k", "consumer lag 50k"))))
                .isEqualTo("dataset assertions");
        assertThat(differing(base, fingerprint(SUITE.replace("description: queue lag", "description: queue lag on orders"))))
                .isEqualTo("dataset assertions");
        assertThat(differing(base, fingerprint(SUITE.replace("value: P1", "value: P2")))).isEqualTo("assertions");
        assertThat(differing(base, fingerprint(SUITE.replace("weight: 2", "weight: 3")))).isEqualTo("assertions");
        assertThat(differing(base, fingerprint(SUITE.replace("threshold: 0.5", "threshold: 0.6")))).isEqualTo("assertions");
        assertThat(differing(base, fingerprint(SUITE.replace("type: icontains\n        value: P1",
                "type: not-icontains\n        value: P1")))).isEqualTo("assertions");
        assertThat(differing(base, fingerprint(SUITE.replace("{max: 20}", "{max: 25}")))).isEqualTo("assertions");
        assertThat(differing(base, fingerprint(SUITE.replace("seed: 7", "seed: 8")))).isEqualTo("options");
        assertThat(differing(base, fingerprint(SUITE.replace("temperature: 0", "temperature: 0.2")))).isEqualTo("options");
        assertThat(differing(base, fingerprint(SUITE, "e".repeat(64)))).isEqualTo("model");
        assertThat(differing(base, fingerprint(SUITE, null))).isEqualTo("model");
    }

    @Test
    void changingWhatIsGradedIsNotComparableButChangingThePromptOrModelIs() throws IOException {
        Fingerprint base = fingerprint(SUITE);
        Fingerprint newPrompt = fingerprint(SUITE.replace("Classify:", "Triage:"), "e".repeat(64));
        Fingerprint newAssertion = fingerprint(SUITE.replace("value: P1", "value: P2"));

        assertThat(base.gradedLike(newPrompt)).isTrue();
        assertThat(base.sameDataset(newPrompt)).isTrue();
        assertThat(base.sameRun(newPrompt)).isFalse();
        assertThat(base.gradedLike(newAssertion)).isFalse();
        assertThat(base.sameRun(newAssertion)).isFalse();
    }

    @Test
    void reorderingTheItemsChangesNothingSinceItemsArePairedByKey() throws IOException {
        int cut = SUITE.indexOf("  - description: queue lag");
        int head = SUITE.indexOf("  - description: disk full");
        String reordered = SUITE.substring(0, head) + SUITE.substring(cut) + SUITE.substring(head, cut);

        Fingerprint base = fingerprint(SUITE);
        Fingerprint moved = fingerprint(reordered);

        assertThat(differing(base, moved)).isEmpty();
        assertThat(base.sameRun(moved)).isTrue();
    }

    @Test
    void aContextTransformIsPartOfWhatIsGraded() throws IOException {
        String rag = """
                prompts: "Answer: {{query}}"
                providers: ollama:chat:tiny
                defaultTest:
                  options: {provider: ollama:chat:judge}
                tests:
                  - vars: {query: 'What broke?'}
                    assert:
                      - type: context-faithfulness
                        contextTransform: output.sources
                """;
        Fingerprint base = fingerprint(rag);

        assertThat(differing(base, fingerprint(rag.replace("output.sources", "output.context")))).isEqualTo("assertions");
        assertThat(differing(base, fingerprint(rag.replace("output.sources", "JSON.parse(output).sources"))))
                .isEqualTo("assertions");
    }
}
