package dev.aiworkbench.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static dev.aiworkbench.testing.TestAssessments.shortItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShortAnswerJudgeTest {
    private static final String JUDGE = "qwen3:0.6b";
    private final AssessmentItem item = shortItem("t1", "week-1");
    private FakeOllama fake;
    private OllamaGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeOllama.start();
        gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    @Test
    void theJudgeReadsTheQuestionRubricAndModelAnswerAtTemperatureZeroWithAFixedSeed() throws Exception {
        fake.model(JUDGE).answer("{\"reason\": \"It makes point one but not point two.\", \"score\": 0.4, \"pass\": false}");
        ShortAnswerJudge judge = new ShortAnswerJudge(() -> gateway);

        ModelGrade grade = judge.grade(JUDGE, item, "Point one, I think.");

        assertThat(grade).isEqualTo(new ModelGrade(JUDGE, false, "It makes point one but not point two."));
        JsonNode sent = fake.lastRequest("/api/chat").json();
        assertThat(sent.path("options").path("temperature").asDouble(-1)).isZero();
        assertThat(sent.path("options").path("seed").asInt()).isEqualTo(42);
        String user = sent.path("messages").get(1).path("content").asText();
        assertThat(user).contains("<Output>\nPoint one, I think.\n</Output>", "Explain t1.", "- makes point one",
                "- makes point two", "The model answer to t1.");
    }

    @Test
    void theModelAskedForIsUsedWhenTheServerHasItUnderAnySpellingElseItsFirst() {
        fake.model("alpha:1b");
        fake.model(JUDGE);
        ShortAnswerJudge judge = new ShortAnswerJudge(() -> gateway);

        assertThat(judge.pick(Optional.of(JUDGE))).contains(JUDGE);
        fake.model("judge:latest");
        assertThat(judge.pick(Optional.of("judge"))).contains("judge:latest");
        assertThat(judge.pick(Optional.of("missing:7b"))).contains(judge.models().get(0));
        assertThat(judge.models()).containsExactlyInAnyOrder("alpha:1b", JUDGE, "judge:latest");
    }

    @Test
    void withoutAServerThereIsNoModelAndNoError() {
        OllamaGateway nowhere = new OllamaGateway(OllamaSettings.defaults(URI.create("http://127.0.0.1:9")));
        try {
            ShortAnswerJudge judge = new ShortAnswerJudge(() -> nowhere);

            assertThat(judge.models()).isEmpty();
            assertThat(judge.pick(Optional.of(JUDGE))).isEmpty();
        } finally {
            nowhere.close();
        }
    }

    @Test
    void anAnswerThatIsNotAVerdictSaysWhatTheModelAnswered() {
        fake.model(JUDGE).answer("I think it is fine.");
        ShortAnswerJudge judge = new ShortAnswerJudge(() -> gateway);

        assertThatThrownBy(() -> judge.grade(JUDGE, item, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The judge model qwen3:0.6b did not answer with a verdict: it is not JSON");
        fake.model(JUDGE).answer("{\"pass\": true}");
        assertThatThrownBy(() -> new ShortAnswerJudge(() -> gateway).grade("other:1b", item, "x"))
                .isInstanceOf(ModelServerException.class);
    }
}
