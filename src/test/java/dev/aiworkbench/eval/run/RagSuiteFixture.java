package dev.aiworkbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.testing.FakeOllamaRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A RAG suite on an {@link EvalHarness}: items that carry a query and a four-sentence context, graded with icontains,
 * context-faithfulness (threshold 0.5) and context-relevance by a judge in the same fake server. The judge is
 * scripted per item: how many of the two statements it extracts it finds supported, and how many of the context's
 * sentences it copies out as relevant. Requests are told apart by the JSON shape they ask for.
 */
public final class RagSuiteFixture {
    public static final String JUDGE = "judge";
    public static final String SUITE = "rag.yaml";
    public static final String CONTEXT = "Disk db-01 is full. Logs grow fast. The office has plants. Lunch is at noon.";
    private static final List<String> SENTENCES = List.of("Disk db-01 is full.", "Logs grow fast.",
            "The office has plants.", "Lunch is at noon.");
    private static final Pattern ITEM = Pattern.compile("item (\\d+)");

    private final EvalHarness harness;
    private final Map<Integer, Integer> supported = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> relevant = new ConcurrentHashMap<>();

    public RagSuiteFixture(EvalHarness harness) {
        this.harness = harness;
        harness.fake.model(JUDGE).answerWith(this::judge);
    }

    /** Writes the suite with items 1..count and returns its file. */
    public Path write(int count) {
        harness.write("rag.csv", "__description,n,query\n" + IntStream.rangeClosed(1, count)
                .mapToObj(i -> "item " + i + "," + i + ",What happened to item " + i + "?")
                .collect(Collectors.joining("\n")) + "\n");
        return harness.write(SUITE, """
                description: RAG fixture
                prompts: "Answer for item {{n}}: {{query}} Context: {{context}}"
                providers:
                  - id: ollama:chat:tiny
                    config:
                      temperature: 0
                defaultTest:
                  options:
                    provider: ollama:chat:judge
                  vars:
                    context: %s
                  assert:
                    - type: icontains
                      value: pass
                    - type: context-faithfulness
                      threshold: 0.5
                    - type: context-relevance
                tests: file://rag.csv
                """.formatted(CONTEXT));
    }

    /** Per item (from 1), how many of its 2 statements are supported and how many of the 4 sentences are relevant. */
    public RagSuiteFixture script(int[] supportedOfTwo, int[] relevantOfFour) {
        for (int i = 0; i < supportedOfTwo.length; i++) {
            supported.put(i + 1, supportedOfTwo[i]);
            relevant.put(i + 1, relevantOfFour[i]);
        }
        return this;
    }

    private List<String> judge(FakeOllamaRequest request) {
        JsonNode json = request.json();
        String required = json.path("format").path("required").toString();
        String user = json.path("messages").path(1).path("content").asText();
        int item = item(user);
        if (required.contains("statements")) {
            return List.of("{\"statements\": [\"Item " + item + " fact one.\", \"Item " + item + " fact two.\"]}");
        }
        if (required.contains("verdicts")) {
            int yes = supported.getOrDefault(item, 2);
            return List.of("{\"verdicts\": [" + verdict(yes >= 1) + ", " + verdict(yes >= 2) + "]}");
        }
        if (required.contains("relevant")) {
            String quotes = SENTENCES.subList(0, relevant.getOrDefault(item, 1)).stream().map(s -> "\"" + s + "\"")
                    .collect(Collectors.joining(", "));
            return List.of("{\"relevant\": [" + quotes + "], \"insufficient\": false}");
        }
        return List.of("{}");
    }

    private static String verdict(boolean supported) {
        return "{\"statement\": \"s\", \"reason\": \"r\", \"supported\": " + supported + "}";
    }

    private static int item(String text) {
        Matcher m = ITEM.matcher(text.toLowerCase(java.util.Locale.ROOT));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
